// The bench measures its own esbuild bundles (same settings as scripts/build.mjs for Node targets) in a
// temporary folder, so it never races `npm run build` (which empties dist/) run by someone else, and never
// measures a stale dist/.
import * as esbuild from 'esbuild';
import { NODE_SCRIPT_BUNDLE } from '../nodeBundle';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchBundles {
  cli: string;
  reindex: string;
}

export async function buildBenchBundles(repoRoot: string): Promise<BenchBundles> {
  // A folder of this run's own: the checkout's .cache may be shared by several working copies.
  const outdir = mkdtempSync(path.join(tmpdir(), 'ea-bench-dist-'));
  await esbuild.build({
    absWorkingDir: repoRoot,
    ...NODE_SCRIPT_BUNDLE,
    // The scan worker sits next to the CLI, where the analyzer looks for it (as in dist/).
    entryPoints: { cli: 'src/cli/main.ts', reindex: 'scripts/bench/reindexDriver.ts', scanWorker: 'src/core/analysis/scanWorker.ts' },
    outdir,
    // As in dist/: TypeScript is its own bundle beside the CLI, loaded on the first parse.
    external: ['typescript'],
  });
  await esbuild.build({
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    entryPoints: { typescript: 'node_modules/typescript/lib/typescript.js' },
    outdir,
  });
  return { cli: path.join(outdir, 'cli.js'), reindex: path.join(outdir, 'reindex.js') };
}
