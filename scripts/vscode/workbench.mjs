// The workbench URL. code-server's command line rejects --extensionDevelopmentPath/--extensionTestsPath,
// but the workbench accepts them as a URL payload (VS Code 1.100; see the offline note).
/**
 * @param {object} o
 * @param {string} o.origin          http://127.0.0.1:PORT
 * @param {string} o.folder          absolute folder to open
 * @param {string} [o.extensionDevelopmentPath]  absolute path of the extension under development
 * @param {string} [o.extensionTestsPath]        absolute path of the compiled mocha entry (index.js)
 */
export function workbenchUrl(o) {
  const host = new URL(o.origin).host;
  const remote = (/** @type {string} */ p) => `vscode-remote://${host}${p}`;
  /** @type {[string, string][]} */
  const payload = [];
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  let url = `${o.origin}/?folder=${encodeURIComponent(o.folder)}`;
  if (payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
