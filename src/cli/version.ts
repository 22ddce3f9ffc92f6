// The tool's identity comes from package.json, inlined by the bundler, so `--version`, the JSON report and
// the SARIF driver never disagree with the published package.
import packageJson from '../../package.json';

export const TOOL_NAME = 'event-architect';
export const TOOL_DISPLAY_NAME = 'Event Architect';
export const TOOL_VERSION: string = packageJson.version;

/** SARIF wants an absolute URI for the tool; the repository URL without `.git`, if package.json has one. */
export const TOOL_INFORMATION_URI: string = (() => {
  const repo = (packageJson as { repository?: { url?: string } | string }).repository;
  const url = typeof repo === 'string' ? repo : repo?.url;
  return url ? url.replace(/^git\+/, '').replace(/\.git$/, '') : 'https://www.npmjs.com/package/event-architect';
})();
