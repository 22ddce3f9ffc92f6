// The esbuild settings every script uses to bundle Node entry points (the CLI, drivers, the scan worker),
// the same as scripts/build.mjs uses for dist/: one place, so the bench, the fuzz harness and the real-code
// grading measure the code the way it ships.
import type { BuildOptions } from 'esbuild';

export const NODE_SCRIPT_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
} satisfies BuildOptions;
