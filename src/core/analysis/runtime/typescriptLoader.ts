// The TypeScript compiler, loaded on first use. Its module takes ~0.3 s to initialize (and most of the
// analysis bundle's compile time is its source): a workspace with nothing to parse (empty, or every file's
// facts taken from the persistent cache) never pays it.
import type TS from 'typescript';

let loaded: typeof TS | undefined;
let loadMs = 0;

export function typescript(): typeof TS {
  if (!loaded) {
    const started = performance.now();
    // A plain require inside the function: bundlers keep the module's initialization lazy until this call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('typescript') as typeof TS;
    loadMs = performance.now() - started;
  }
  return loaded;
}

/** Milliseconds spent initializing TypeScript in this thread (0 while it is not loaded). */
export function typescriptLoadMs(): number {
  return loadMs;
}
