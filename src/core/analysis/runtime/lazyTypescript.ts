// The TypeScript module for code that reaches for it by name (`ts.isCallExpression`, `ts.SyntaxKind`) but
// runs rarely, such as the in-place quick fixes in the extension host. Importing `typescript` directly
// would put the 3.4 MB compiler into the host's bundle and make every activation load it; this stand-in
// loads it (through typescriptLoader.ts, from dist/typescript.js in the build) on the first property read.
import type TS from 'typescript';
import { typescript } from './typescriptLoader';

export const ts: typeof TS = new Proxy({} as typeof TS, {
  get: (_target, key) => Reflect.get(typescript(), key) as unknown,
});
