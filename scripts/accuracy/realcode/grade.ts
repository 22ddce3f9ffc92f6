// Grades one repository's detections against its labels as the labelling conventions say: same file and
// kind, line within ±2, closest first (the pairing of ../score.ts); precision over the detections in
// labelled files; strict recall; channel accuracy over matched labels that name a channel; a trap is hit
// when an unmatched detection of its kind sits within ±1 line of it.
import { DETECTION_KINDS, type DetectionKind } from '../../../src/core/analysis/types';
import { pairDetections, type ScoredDetection } from '../score';
import type { RealLabel } from './corpus';

export const LINE_TOLERANCE = 2;
export const TRAP_TOLERANCE = 1;

export interface RepoGrade {
  repo: string;
  misses: RealLabel[];
  falsePositives: ScoredDetection[];
  wrongChannels: Array<{ label: RealLabel; found: ScoredDetection }>;
  trapsHit: Array<{ trap: RealLabel; by: ScoredDetection }>;
  counts: Map<DetectionKind, KindCounts>;
}

export interface KindCounts {
  strictLabels: number;
  strictFound: number;
  optionalFound: number;
  detections: number;
  matchedDetections: number;
  channelLabels: number;
  channelRight: number;
  traps: number;
  trapsHit: number;
  optionalTrapsHit: number;
}

export function emptyCounts(): KindCounts {
  return {
    strictLabels: 0,
    strictFound: 0,
    optionalFound: 0,
    detections: 0,
    matchedDetections: 0,
    channelLabels: 0,
    channelRight: 0,
    traps: 0,
    trapsHit: 0,
    optionalTrapsHit: 0,
  };
}

export function gradeRepo(repo: string, labels: readonly RealLabel[], detections: readonly ScoredDetection[]): RepoGrade {
  const counts = new Map<DetectionKind, KindCounts>();
  const at = (kind: DetectionKind): KindCounts => {
    let c = counts.get(kind);
    if (!c) counts.set(kind, (c = emptyCounts()));
    return c;
  };
  const labelledFiles = new Set(labels.map((l) => l.file));
  const inScope = detections.filter((d) => labelledFiles.has(d.file));
  const expected = labels.filter((l) => !l.trap);
  const pairing = pairDetections(expected, inScope, { lineTolerance: LINE_TOLERANCE });
  const grade: RepoGrade = { repo, misses: [], falsePositives: pairing.unmatchedReported, wrongChannels: [], trapsHit: [], counts };

  for (const d of inScope) at(d.kind).detections += 1;
  for (const l of expected) if (!l.optional) at(l.kind).strictLabels += 1;
  for (const pair of pairing.pairs) {
    const c = at(pair.expected.kind);
    c.matchedDetections += 1;
    if (pair.expected.optional) c.optionalFound += 1;
    else c.strictFound += 1;
    if (pair.expected.channel !== null) {
      c.channelLabels += 1;
      if (pair.channelMatches) c.channelRight += 1;
      else grade.wrongChannels.push({ label: pair.expected, found: pair.reported });
    }
  }
  grade.misses = pairing.unmatchedExpected.filter((l) => !l.optional);

  for (const trap of labels.filter((l) => l.trap)) {
    const c = at(trap.kind);
    if (!trap.optional) c.traps += 1;
    const by = pairing.unmatchedReported.find(
      (d) => d.file === trap.file && d.kind === trap.kind && Math.abs(d.line - trap.line) <= TRAP_TOLERANCE,
    );
    if (!by) continue;
    if (trap.optional) c.optionalTrapsHit += 1;
    else {
      c.trapsHit += 1;
      grade.trapsHit.push({ trap, by });
    }
  }
  return grade;
}

export function sumCounts(grades: readonly RepoGrade[]): { byKind: Map<DetectionKind, KindCounts>; total: KindCounts } {
  const byKind = new Map<DetectionKind, KindCounts>();
  const total = emptyCounts();
  for (const kind of DETECTION_KINDS) {
    for (const g of grades) {
      const c = g.counts.get(kind);
      if (!c) continue;
      let sum = byKind.get(kind);
      if (!sum) byKind.set(kind, (sum = emptyCounts()));
      for (const key of Object.keys(c) as Array<keyof KindCounts>) {
        sum[key] += c[key];
        total[key] += c[key];
      }
    }
  }
  return { byKind, total };
}
