// Matches what the analyzer reported against a case's labels. A detection is identified by
// (file, line, kind), the line within a tolerance for real code; its channel is graded separately so that a found-but-misnamed channel shows up as
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

/** How far apart a label and a detection may sit. The fixtures are exact; real-code labels allow ±2 lines. */
export interface MatchOptions {
  lineTolerance: number;
}

const EXACT: MatchOptions = { lineTolerance: 0 };

/** A channel mismatch costs half a line, so a same-channel candidate wins between two equally close ones. */
const CHANNEL_MISMATCH_COST = 0.5;

function groupKey(d: ScoredDetection): string {
  return `${d.file}\u0000${d.kind}`;
}

function groupBy<T extends ScoredDetection>(list: readonly T[]): Map<string, Array<{ item: T; index: number }>> {
  const groups = new Map<string, Array<{ item: T; index: number }>>();
  list.forEach((item, index) => {
    const key = groupKey(item);
    const group = groups.get(key);
    if (group) group.push({ item, index });
    else groups.set(key, [{ item, index }]);
  });
  return groups;
}

export interface Pairing<E extends ScoredDetection> {
  pairs: Array<{ expected: E; reported: ScoredDetection; channelMatches: boolean }>;
  unmatchedExpected: E[];
  unmatchedReported: ScoredDetection[];
}

/**
 * Pairs labels with detections of the same file and kind whose lines are within the tolerance, closest
 * first (a channel mismatch counts as half a line; ties go to the earlier label, then the earlier
 * detection), each used at most once. With tolerance 0 this pairs equal channels first on one line, so the
 * channel grade does not depend on the order the analyzer reported them in.
 */
export function pairDetections<E extends ScoredDetection>(
  expected: readonly E[],
  reported: readonly ScoredDetection[],
  options: MatchOptions = EXACT,
): Pairing<E> {
  const result: Pairing<E> = { pairs: [], unmatchedExpected: [], unmatchedReported: [] };
  const usedExpected = new Set<number>();
  const usedReported = new Set<number>();
  const reportedGroups = groupBy(reported);
  for (const [key, labels] of groupBy(expected)) {
    const found = reportedGroups.get(key) ?? [];
    const candidates: Array<{ cost: number; e: number; r: number }> = [];
    for (const label of labels) {
      for (const det of found) {
        const distance = Math.abs(label.item.line - det.item.line);
        if (distance > options.lineTolerance) continue;
        const cost = distance + (label.item.channel === det.item.channel ? 0 : CHANNEL_MISMATCH_COST);
        candidates.push({ cost, e: label.index, r: det.index });
      }
    }
    candidates.sort((a, b) => a.cost - b.cost || a.e - b.e || a.r - b.r);
    for (const c of candidates) {
      if (usedExpected.has(c.e) || usedReported.has(c.r)) continue;
      usedExpected.add(c.e);
      usedReported.add(c.r);
      const e = expected[c.e] as E;
      const r = reported[c.r] as ScoredDetection;
      result.pairs.push({ expected: e, reported: r, channelMatches: e.channel === r.channel });
    }
  }
  expected.forEach((e, i) => {
    if (!usedExpected.has(i)) result.unmatchedExpected.push(e);
  });
  reported.forEach((r, i) => {
    if (!usedReported.has(i)) result.unmatchedReported.push(r);
  });
  return result;
}

/** Grades one labelled case exactly (same file, line and kind); see `pairDetections`. */
export function scoreCase(
  caseId: string,
  expected: readonly ExpectedDetection[],
  reported: readonly ScoredDetection[],
): CaseScore {
  const pairing = pairDetections(expected, reported);
  return {
    caseId,
    truePositives: pairing.pairs,
    falsePositives: pairing.unmatchedReported,
    falseNegatives: pairing.unmatchedExpected,
  };
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
