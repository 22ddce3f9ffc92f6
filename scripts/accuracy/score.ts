// Matches what the analyzer reported against a case's labels. A detection is identified by
// (file, line, kind); its channel is graded separately so that a found-but-misnamed channel shows up as
// channel inaccuracy rather than as both a false positive and a false negative.
import type { DetectionKind } from '../../src/core/analysis/types';
import type { ExpectedDetection } from './expected';

export interface ScoredDetection {
  file: string;
  line: number;
  kind: DetectionKind;
  channel: string | null;
}

export interface TruePositive {
  expected: ScoredDetection;
  reported: ScoredDetection;
  channelMatches: boolean;
}

export interface CaseScore {
  caseId: string;
  truePositives: TruePositive[];
  falsePositives: ScoredDetection[];
  falseNegatives: ScoredDetection[];
}

function keyOf(d: ScoredDetection): string {
  return `${d.file}\u0000${d.line}\u0000${d.kind}`;
}

function groupByKey(list: readonly ScoredDetection[]): Map<string, ScoredDetection[]> {
  const groups = new Map<string, ScoredDetection[]>();
  for (const d of list) {
    const group = groups.get(keyOf(d));
    if (group) group.push(d);
    else groups.set(keyOf(d), [d]);
  }
  return groups;
}

/**
 * Pairs reported with expected detections as multisets per (file, line, kind). Within one key (a call that
 * yields several detections, e.g. a subscribe to two topics) equal channels are paired first, so the channel
 * grade does not depend on the order the analyzer reported them in.
 */
export function scoreCase(
  caseId: string,
  expected: readonly ExpectedDetection[],
  reported: readonly ScoredDetection[],
): CaseScore {
  const result: CaseScore = { caseId, truePositives: [], falsePositives: [], falseNegatives: [] };
  const reportedByKey = groupByKey(reported);
  for (const [key, expectedGroup] of groupByKey(expected)) {
    const pending = [...(reportedByKey.get(key) ?? [])];
    reportedByKey.delete(key);
    const unmatched: ScoredDetection[] = [];
    for (const e of expectedGroup) {
      const same = pending.findIndex((r) => r.channel === e.channel);
      if (same >= 0) {
        const [r] = pending.splice(same, 1);
        if (r) result.truePositives.push({ expected: e, reported: r, channelMatches: true });
      } else {
        unmatched.push(e);
      }
    }
    for (const e of unmatched) {
      const r = pending.shift();
      if (r) result.truePositives.push({ expected: e, reported: r, channelMatches: false });
      else result.falseNegatives.push(e);
    }
    result.falsePositives.push(...pending);
  }
  for (const rest of reportedByKey.values()) result.falsePositives.push(...rest);
  return result;
}

export interface KindStats {
  kind: DetectionKind;
  expected: number;
  reported: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  channelMatches: number;
  /** null when nothing was reported (precision undefined). */
  precision: number | null;
  /** null when nothing was expected (recall undefined). */
  recall: number | null;
  /** Share of true positives whose channel equals the label; null without true positives. */
  channelAccuracy: number | null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function finish(kind: DetectionKind, tp: number, fp: number, fn: number, channelMatches: number): KindStats {
  return {
    kind,
    expected: tp + fn,
    reported: tp + fp,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    channelMatches,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    channelAccuracy: ratio(channelMatches, tp),
  };
}

/** Per-kind totals over many cases, in the order of `kindOrder` (kinds never seen are left out). */
export function aggregateByKind(scores: readonly CaseScore[], kindOrder: readonly DetectionKind[]): KindStats[] {
  const counts = new Map<DetectionKind, { tp: number; fp: number; fn: number; ch: number }>();
  const bucket = (kind: DetectionKind) => {
    let c = counts.get(kind);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0, ch: 0 };
      counts.set(kind, c);
    }
    return c;
  };
  for (const score of scores) {
    for (const tp of score.truePositives) {
      const c = bucket(tp.expected.kind);
      c.tp += 1;
      if (tp.channelMatches) c.ch += 1;
    }
    for (const fp of score.falsePositives) bucket(fp.kind).fp += 1;
    for (const fn of score.falseNegatives) bucket(fn.kind).fn += 1;
  }
  return kindOrder.flatMap((kind) => {
    const c = counts.get(kind);
    return c ? [finish(kind, c.tp, c.fp, c.fn, c.ch)] : [];
  });
}

/** The sum over all kinds (micro-averaged). */
export function totalOf(stats: readonly KindStats[]): Omit<KindStats, 'kind'> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ch = 0;
  for (const s of stats) {
    tp += s.truePositives;
    fp += s.falsePositives;
    fn += s.falseNegatives;
    ch += s.channelMatches;
  }
  const { kind: _kind, ...rest } = finish('sse.endpoint', tp, fp, fn, ch);
  return rest;
}

export interface Thresholds {
  minPrecision: number;
  minRecall: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minPrecision: 0.95, minRecall: 0.9 };

/**
 * The kinds that fail the bar. Only kinds with expectations are judged; a kind that was expected but never
 * reported has precision undefined and fails on recall.
 */
export function failingKinds(stats: readonly KindStats[], thresholds: Thresholds = DEFAULT_THRESHOLDS): string[] {
  const failures: string[] = [];
  for (const s of stats) {
    if (s.expected === 0) continue;
    const reasons: string[] = [];
    if (s.precision !== null && s.precision < thresholds.minPrecision) {
      reasons.push(`precision ${s.precision.toFixed(3)} < ${thresholds.minPrecision}`);
    }
    if (s.recall !== null && s.recall < thresholds.minRecall) {
      reasons.push(`recall ${s.recall.toFixed(3)} < ${thresholds.minRecall}`);
    }
    if (reasons.length > 0) failures.push(`${s.kind}: ${reasons.join(', ')}`);
  }
  return failures;
}
