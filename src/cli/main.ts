// Entry of the `event-architect` CLI (bundled to dist/cli.js with a shebang by scripts/build.mjs).
import { EXIT_FAILURE, EXIT_INTERRUPTED } from './exitCodes';
import { runCli } from './run';

const controller = new AbortController();
// First Ctrl-C stops the analysis cleanly (partial work is dropped); a second one kills the process.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(EXIT_INTERRUPTED));
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (code) => {
    // exitCode, not exit(): stdout to a pipe is written asynchronously and must drain first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`event-architect: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
