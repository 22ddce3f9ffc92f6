// Command-line parsing with node:util parseArgs (strict: unknown options are usage errors, never ignored).
import { parseArgs } from 'node:util';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'mermaid', 'asyncapi'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--fail-on` levels: a finding severity, strongest first, or `none` (never fail on findings). */
export const FAIL_ON_LEVELS = ['warning', 'information', 'hint', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export interface AnalyzeCommand {
  kind: 'analyze';
  dirs: string[];
  format: OutputFormat;
  out: string | null;
  exclude: string[];
  maxFileBytes: number | undefined;
  quiet: boolean;
  failOn: FailOn;
  /** SARIF: detections as `note` results next to the findings. */
  sarifDetections: boolean;
  /** SARIF: the folder paths are relative to (default: the repository root above each DIR). */
  base: string | null;
  /** `--cache DIR`: the persistent index cache's folder (null: no cache). */
  cacheDir: string | null;
}

export type CliCommand = AnalyzeCommand | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: event-architect analyze [DIR…] [options]

Finds the event flows (socket.io/ws, SSE, Redis, Kafka, NATS, RabbitMQ, BullMQ, EventEmitter, tRPC, outbox,
TanStack Query) of the Node.js/TypeScript code under each DIR (default: the current folder), and reports
the findings of the principles' rules (dual write without an outbox, socket.io without an adapter, SSE
without heartbeat or behind a buffering proxy, one-way WebSocket, unguarded invalidation).

Options:
  --format text|json|sarif|mermaid|asyncapi
                                    output format (default: text); asyncapi is an AsyncAPI 3.0
                                    document (YAML) of the channels, servers and operations
  --out FILE                        write the output to FILE instead of stdout
  --exclude GLOB                    leave out matching paths (repeatable), on top of .gitignore and defaults
  --max-file-size BYTES             skip files larger than this (default: 1048576)
  --cache DIR                       keep each file's analysis in DIR: the next run re-reads and re-parses
                                    only files that changed (a cache that does not check out is ignored)
  --fail-on warning|information|hint|none
                                    exit 1 when a finding at or above this severity exists (default: none)
  --sarif-detections                SARIF: add every detection as a note (default: findings only)
  --base DIR                        SARIF: paths relative to DIR (default: the git repository root)
  --quiet                           no progress bar or status messages on stderr
  -h, --help                        show this help
  -V, --version                     show the version

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad usage, 3 a DIR that does not exist or cannot be
read, 4 internal failure (analysis crashed, --out not writable), 130 interrupted.
`;

const MAX_FILE_BYTES_LIMIT = 2 ** 40;

function usageError(message: string): CliCommand {
  return { kind: 'usage-error', message };
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        'fail-on': { type: 'string' },
        cache: { type: 'string' },
        quiet: { type: 'boolean' },
        'sarif-detections': { type: 'boolean' },
        base: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    // parseArgs' messages are already precise ("Unknown option '--fromat'"); keep them, minus the hint
    // about `--` which suggests passing the option as a folder name.
    const text = error instanceof Error ? error.message : String(error);
    return usageError(text.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...dirs] = positionals;
  if (command === undefined) return usageError('missing command: expected "analyze"');
  if (command !== 'analyze') return usageError(`unknown command "${command}": expected "analyze"`);

  const format = values.format ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    return usageError(`unknown --format "${format}": expected one of ${OUTPUT_FORMATS.join(', ')}`);
  }

  const failOn = values['fail-on'] ?? 'none';
  if (!(FAIL_ON_LEVELS as readonly string[]).includes(failOn)) {
    return usageError(`unknown --fail-on "${failOn}": expected one of ${FAIL_ON_LEVELS.join(', ')}`);
  }

  let maxFileBytes: number | undefined;
  const rawMax = values['max-file-size'];
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax.trim())) return usageError(`--max-file-size must be a whole number of bytes, got "${rawMax}"`);
    maxFileBytes = Number(rawMax.trim());
    if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_LIMIT) {
      return usageError(`--max-file-size must be between 1 and ${MAX_FILE_BYTES_LIMIT} bytes, got ${rawMax}`);
    }
  }

  if (format !== 'sarif' && (values['sarif-detections'] || values.base !== undefined)) {
    return usageError(`${values.base !== undefined ? '--base' : '--sarif-detections'} applies to --format sarif only`);
  }
  if (values.base !== undefined && values.base.trim() === '') return usageError('--base needs a folder');
  if (values.out !== undefined && values.out.trim() === '') return usageError('--out needs a file name');
  if (values.cache !== undefined && values.cache.trim() === '') return usageError('--cache needs a folder');
  const exclude = values.exclude ?? [];
  if (exclude.some((g) => g.trim() === '')) return usageError('--exclude needs a non-empty glob');

  return {
    kind: 'analyze',
    dirs: dirs.length > 0 ? dirs : ['.'],
    format: format as OutputFormat,
    out: values.out ?? null,
    exclude,
    maxFileBytes,
    quiet: values.quiet ?? false,
    failOn: failOn as FailOn,
    sarifDetections: values['sarif-detections'] ?? false,
    base: values.base ?? null,
    cacheDir: values.cache ?? null,
  };
}
