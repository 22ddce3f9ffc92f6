export * from './types';
export { PRINCIPLES, getPrinciple, isPrincipleId, principlesByArea, firstSentence } from './catalog';
export { parseSeedPrinciples, splitSentences, compareWithSeed } from './seed';
export type { SeedPrinciple } from './seed';
