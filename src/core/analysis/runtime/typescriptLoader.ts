// The TypeScript compiler, loaded on first use. Its module is most of the analyzer's code (3.4 of 3.7 MB
// minified): compiling and initializing it takes ~0.4 s on a quiet 2-core machine, so a run with nothing to
// parse (an empty workspace, or every file's facts from the persistent cache) must never load it. The
// build ships it as its own bundle beside the analyzer's (dist/typescript.js, `typescript` external to
// the others); from sources it is the npm package.
import fs from 'node:fs';
import path from 'node:path';
import type TS from 'typescript';

let loaded: typeof TS | undefined;
let loadMs = 0;

export function typescript(): typeof TS {
  if (!loaded) {
    const started = performance.now();
    const beside = typeof __dirname === 'string' ? path.join(__dirname, 'typescript.js') : null;
    // In the analysis worker, the code-cache bootstrap (codeCache.ts) compiles it with cached code.
    const viaCodeCache = (globalThis as { eaRequireCached?: (file: string) => unknown }).eaRequireCached;
    // Plain requires inside the function: a bundler keeps them lazy (the path one is left to run time).
    /* eslint-disable @typescript-eslint/no-require-imports */
    loaded = (beside && fs.existsSync(beside) ? (viaCodeCache ? viaCodeCache(beside) : require(beside)) : require('typescript')) as typeof TS;
    /* eslint-enable @typescript-eslint/no-require-imports */
    loadMs = performance.now() - started;
  }
  return loaded;
}

/** Milliseconds spent loading TypeScript in this thread (0 while it is not loaded). */
export function typescriptLoadMs(): number {
  return loadMs;
}

/**
 * The TypeScript module as an object that loads it on first use of a member. The extension host's bundle
 * resolves the quick fixes' `import ts from 'typescript'` to this (scripts/build.mjs), so activation never
 * compiles the 3.4 MB compiler; the first fix that parses pays for it instead. `__esModule` is answered
 * without loading: the bundler's import helper asks for it when the module is first imported.
 */
export const typescriptOnDemand: typeof TS = new Proxy({} as typeof TS, {
  get: (_target, key) => (key === '__esModule' ? undefined : Reflect.get(typescript(), key)),
  has: (_target, key) => Reflect.has(typescript(), key),
});
