// Test helper: bundles a worker entry of the analyzer the way scripts/build.mjs bundles dist/*.js, so tests
// run the real worker code.
import path from 'node:path';
import { build } from 'esbuild';

export async function buildWorkerBundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.resolve(__dirname, '../../../src/core/analysis', entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
}
