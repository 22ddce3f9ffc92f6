// Turns Ctrl+C/SIGTERM/SIGHUP into a normal exit, so the 'exit' handler of server.mjs can stop the
// code-server process group (it runs in its own session and never sees the terminal's Ctrl+C).
export function exitOnSignals() {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.once(signal, () => process.exit(130));
}
