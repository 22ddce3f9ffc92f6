import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args';

describe('parseCliArgs', () => {
  it('defaults to text output on the current folder', () => {
    expect(parseCliArgs(['analyze'])).toEqual({ kind: 'analyze', dirs: ['.'], format: 'text', out: null, exclude: [], maxFileBytes: undefined, quiet: false, failOn: 'none', sarifDetections: false, base: null, cacheDir: null });
  });

  it('reads every option, repeated excludes included', () => {
    expect(
      parseCliArgs(['analyze', 'a', 'b', '--format', 'sarif', '--out', 'r.sarif', '--exclude', '**/gen/**', '--exclude=legacy', '--max-file-size', '2048', '--quiet', '--fail-on', 'information', '--sarif-detections', '--base', '..']),
    ).toEqual({ kind: 'analyze', dirs: ['a', 'b'], format: 'sarif', out: 'r.sarif', exclude: ['**/gen/**', 'legacy'], maxFileBytes: 2048, quiet: true, failOn: 'information', sarifDetections: true, base: '..', cacheDir: null });
  });

  it('accepts --format asyncapi, and the SARIF options only with --format sarif', () => {
    expect(parseCliArgs(['analyze', '--format', 'asyncapi'])).toMatchObject({ kind: 'analyze', format: 'asyncapi' });
    expect(parseCliArgs(['analyze', '--format', 'json', '--sarif-detections'])).toEqual({ kind: 'usage-error', message: '--sarif-detections applies to --format sarif only' });
    expect(parseCliArgs(['analyze', '--base', '.'])).toEqual({ kind: 'usage-error', message: '--base applies to --format sarif only' });
    expect(parseCliArgs(['analyze', '--format', 'sarif', '--base', ' '])).toEqual({ kind: 'usage-error', message: '--base needs a folder' });
  });

  it.each(['warning', 'information', 'hint', 'none'] as const)('accepts --fail-on %s', (level) => {
    expect(parseCliArgs(['analyze', `--fail-on=${level}`])).toMatchObject({ kind: 'analyze', failOn: level });
  });

  it('takes --cache DIR', () => {
    expect(parseCliArgs(['analyze', '--cache', '.ea-cache'])).toMatchObject({ kind: 'analyze', cacheDir: '.ea-cache' });
  });

  it('answers --help and --version before anything else', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['analyze', '-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it.each([
    [[], /missing command/],
    [['scan'], /unknown command "scan"/],
    [['analyze', '--fromat', 'json'], /Unknown option '--fromat'/],
    [['analyze', '--format', 'xml'], /unknown --format "xml": expected one of text, json, sarif, mermaid/],
    [['analyze', '--format'], /argument missing/],
    [['analyze', '--max-file-size', '1MB'], /whole number of bytes/],
    [['analyze', '--max-file-size', '0'], /between 1 and/],
    [['analyze', '--max-file-size', '-5'], /ambiguous/],
    [['analyze', '--max-file-size=-5'], /whole number/],
    [['analyze', '--out', ''], /--out needs a file name/],
    [['analyze', '--exclude', ' '], /non-empty glob/],
    [['analyze', '--quiet=yes'], /does not take an argument/],
    [['analyze', '--fail-on', 'error'], /unknown --fail-on "error": expected one of warning, information, hint, none/],
    [['analyze', '--fail-on'], /argument missing/],
    [['analyze', '--cache', ' '], /--cache needs a folder/],
    [['analyze', '--cache'], /argument missing/],
  ])('rejects %j', (argv, message) => {
    const command = parseCliArgs(argv);
    expect(command.kind).toBe('usage-error');
    if (command.kind === 'usage-error') expect(command.message).toMatch(message);
  });
});
