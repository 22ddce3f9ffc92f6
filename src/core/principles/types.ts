// A principle of real-time and event-driven architecture, kept statement for statement from the seed
// document (see catalog.ts and its completeness test).

export const PRINCIPLE_IDS = [
  'sse-default',
  'websocket-pubsub-scaling',
  'event-sourcing-specialized',
  'cqrs-level-1-first',
  'outbox-pattern',
  'optimistic-updates',
  'broker-matching',
] as const;

export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

export const PRINCIPLE_AREAS = ['Real-time transport', 'Event patterns', 'Reliable messaging', 'UI consistency'] as const;
export type PrincipleArea = (typeof PRINCIPLE_AREAS)[number];

/** Where a principle comes from: the principles document by title, and the date of its revision. */
export interface PrincipleSource {
  document: string;
  revised: string;
}

/** How a page cites a principle: document, section (the principle's title) and revision. */
export function citePrinciple(p: Pick<Principle, 'title' | 'source'>): string {
  return `${p.source.document}, section “${p.title}” (revised ${p.source.revised})`;
}

export interface Principle {
  id: PrincipleId;
  title: string;
  area: PrincipleArea;
  /** One line for quick picks and tree descriptions. */
  summary: string;
  what: string;
  why: string;
  when: string;
  whenNot: string;
  source: PrincipleSource;
}
