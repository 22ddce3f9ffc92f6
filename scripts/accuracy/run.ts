// `npm run accuracy`: runs the analyzer on every labelled case under test/fixtures/analysis/*/* and grades it
// per detection kind against the case's expected.json (see cases.ts and score.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/core/analysis/index';
import { DETECTION_KINDS } from '../../src/core/analysis/types';
import { parseArgs, USAGE } from './args';
import { loadCase, loadCases } from './cases';
import { formatKindTable, formatMisses } from './format';
import { aggregateByKind, failingKinds, scoreCase, totalOf, type CaseScore } from './score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesRoot = path.join(repoRoot, 'test', 'fixtures', 'analysis');
// Written apart from the analyzer's tuning, in styles the fixtures do not use: how it generalizes.
const heldoutRoot = path.join(repoRoot, 'test', 'heldout');

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  const { cases: fixtureCases, errors } = loadCases(args.heldout ? heldoutRoot : fixturesRoot);
  // The demo workspace is labelled too: what the README and the e2e tests show is graded like a fixture.
  const shop = args.heldout ? null : loadCase('examples/shop', 'examples', path.join(repoRoot, 'examples', 'shop'));
  if (shop && 'errors' in shop) errors.push(shop);
  const allCases = !shop || 'errors' in shop ? fixtureCases : [...fixtureCases, shop];
  const cases = args.filters.length === 0 ? allCases : allCases.filter((c) => args.filters.some((f) => c.id.includes(f)));
  for (const bad of errors) console.error(`invalid case ${bad.id}:\n  ${bad.errors.join('\n  ')}`);
  if (cases.length === 0) {
    console.error('no labelled cases to run');
    return 2;
  }

  const scores: CaseScore[] = [];
  const crashes: string[] = [];
  const started = performance.now();
  for (const c of cases) {
    try {
      const result = await analyze([c.dir]);
      scores.push(scoreCase(c.id, c.expected.detections, result.detections));
    } catch (error) {
      // A crash is graded as finding nothing, and reported, so it can never look like a pass.
      crashes.push(`${c.id}: ${(error as Error).stack ?? String(error)}`);
      scores.push(scoreCase(c.id, c.expected.detections, []));
    }
  }
  const durationMs = Math.round(performance.now() - started);

  const stats = aggregateByKind(scores, DETECTION_KINDS);
  const total = totalOf(stats);
  const failures = failingKinds(stats);

  if (args.json) {
    const misses = scores
      .filter((s) => s.falsePositives.length + s.falseNegatives.length > 0 || s.truePositives.some((t) => !t.channelMatches))
      .map((s) => ({
        case: s.caseId,
        falsePositives: s.falsePositives,
        falseNegatives: s.falseNegatives,
        wrongChannels: s.truePositives.filter((t) => !t.channelMatches),
      }));
    console.log(JSON.stringify({ cases: cases.length, durationMs, kinds: stats, total, failures, crashes, invalidCases: errors, misses }, null, 2));
  } else {
    console.log(`${cases.length} cases, ${total.expected} expected detections, analyzed in ${durationMs} ms\n`);
    console.log(formatKindTable(stats, total));
    if (args.verbose) {
      const lines = scores.flatMap(formatMisses);
      console.log(lines.length > 0 ? `\nMisses (FN = not found, FP = not expected, CH = wrong channel):\n${lines.join('\n')}` : '\nNo misses.');
    }
    for (const crash of crashes) console.error(`\nanalyzer crashed on ${crash}`);
    if (failures.length > 0) console.log(`\nBelow the bar (precision ≥ 0.95, recall ≥ 0.90):\n  ${failures.join('\n  ')}`);
  }
  const broken = failures.length > 0 || crashes.length > 0 || errors.length > 0;
  return broken && args.fail ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
