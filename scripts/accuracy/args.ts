// Command-line options of `npm run accuracy`.
export interface AccuracyArgs {
  verbose: boolean;
  json: boolean;
  fail: boolean;
  /** Grade the held-out set (test/heldout) instead of the fixtures; reported, never gating. */
  heldout: boolean;
  /** Only cases whose `<family>/<case>` id contains one of these substrings (all when empty). */
  filters: string[];
}

export const USAGE = `Usage: npm run accuracy -- [--verbose] [--json] [--no-fail] [--heldout] [filter...]
  --verbose   list every false positive (FP), false negative (FN) and wrong channel (CH) with file:line
  --json      print the results as JSON
  --no-fail   exit 0 even when a kind is below 95% precision or 90% recall
  --heldout   grade the held-out cases of test/heldout (never tuned on; reported, never failing)
  filter      only cases whose <family>/<case> contains this text`;

export function parseArgs(argv: readonly string[]): AccuracyArgs | { error: string } {
  const args: AccuracyArgs = { verbose: false, json: false, fail: true, heldout: false, filters: [] };
  for (const arg of argv) {
    if (arg === '--verbose' || arg === '-v') args.verbose = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--no-fail') args.fail = false;
    else if (arg === '--heldout') {
      args.heldout = true;
      args.fail = false;
    }
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else args.filters.push(arg);
  }
  return args;
}
