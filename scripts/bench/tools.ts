// The two reference tools the analyzer is compared with, both from npm packages (no downloads at install):
// ripgrep (@vscode/ripgrep's platform package) as the floor of "read every file and match text", and
// ast-grep (@ast-grep/cli's platform package) as a parse-everything structural scanner.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The call shapes a messaging analyzer starts from: `.emit(`, `.on(`, `.publish(`, `.subscribe(`, `.send(`. */
export const CALL_NAMES = ['emit', 'on', 'publish', 'subscribe', 'send'] as const;

export function ripgrepBinary(): string {
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  return require.resolve(`@vscode/ripgrep-${process.platform}-${process.arch}/bin/${exe}`);
}

export function astGrepBinary(): string {
  // @ast-grep/cli's postinstall only copies this binary; npm may not run install scripts, so use it directly.
  const suffix = process.platform === 'win32' ? 'msvc' : process.platform === 'linux' ? 'gnu' : '';
  const pkg = `@ast-grep/cli-${process.platform}-${process.arch}${suffix ? `-${suffix}` : ''}`;
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return path.join(dir, process.platform === 'win32' ? 'ast-grep.exe' : 'ast-grep');
}

export function ripgrepArgs(corpus: string): string[] {
  return [
    '--count-matches',
    '--no-messages',
    '--no-ignore',
    ...['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'].flatMap((ext) => ['-g', `*.${ext}`]),
    ...CALL_NAMES.flatMap((name) => ['-e', `\\.${name}\\(`]),
    corpus,
  ];
}

/** One rule — the same five call patterns — for each language ast-grep needs to parse the corpus. */
export function astGrepRules(): string {
  return ['TypeScript', 'Tsx', 'JavaScript']
    .map((language) =>
      [
        `id: event-calls-${language.toLowerCase()}`,
        `language: ${language}`,
        'severity: info',
        'message: event call',
        'rule:',
        '  any:',
        ...CALL_NAMES.map((name) => `    - pattern: $O.${name}($$$A)`),
      ].join('\n'),
    )
    .join('\n---\n');
}

export function astGrepArgs(corpus: string): string[] {
  return ['scan', '--inline-rules', astGrepRules(), '--json=compact', '--no-ignore', 'vcs', '--no-ignore', 'parent', corpus];
}
