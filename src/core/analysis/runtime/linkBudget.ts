// The link step's budget for one file: a file whose channel values need more resolution steps than the
// resolver allows (see link/valueSteps.ts), or that would yield more detections than any real file holds
// (wrappers calling wrappers multiply them), is skipped with the reason `budget`, with no detections, in
// the cold run and in every incremental update alike (each resolution's steps are counted on their own,
// so the outcome does not depend on which files were linked before).
import type { SkippedFile } from '../types';
import type { FileDrafts, LinkFile } from '../link/link';
import type { Resolver } from '../link/resolve';
import { MAX_DETECTIONS_PER_FILE, VALUE_STEP_BUDGET } from '../link/valueSteps';

export function linkBudgeted(lf: LinkFile, resolver: Resolver, link: () => FileDrafts): { drafts: FileDrafts; skip: SkippedFile | null } {
  resolver.overran = false;
  const drafts = link();
  if (!resolver.overran) return { drafts, skip: null };
  resolver.overran = false;
  return {
    drafts: { drafts: [], bindings: [], callTargets: [], methodTargets: [] },
    skip: { file: lf.rel, root: lf.root, reason: 'budget', detail: `a channel value needs more than ${VALUE_STEP_BUDGET.toLocaleString('en-US')} resolution steps` },
  };
}

export function tooManyDetections(lf: LinkFile, count: number): SkippedFile | null {
  if (count <= MAX_DETECTIONS_PER_FILE) return null;
  return { file: lf.rel, root: lf.root, reason: 'budget', detail: `${count.toLocaleString('en-US')} detections (> ${MAX_DETECTIONS_PER_FILE.toLocaleString('en-US')})` };
}
