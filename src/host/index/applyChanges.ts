// The host's side of an index update, without vscode: hands a batch of file changes to the analyzer one
// by one and collects the result. One change that fails is logged with its file and the others still
// apply; files the analyzer had to leave out are logged with their reason. Tested, with the real worker
// and every scaffold's output, in test/unit/host/indexUpdates.test.ts.
import type { AnalysisResult, SkippedFile } from '../../core/analysis/types';
import type { FileChange } from './changeBatcher';

/** What applies the changes: the analysis worker's client in production. */
export interface ChangeTarget {
  updateFile(path: string, text?: string, signal?: AbortSignal): Promise<unknown>;
  removeFile(path: string, signal?: AbortSignal): Promise<unknown>;
  result(): Promise<AnalysisResult>;
}

export interface UpdateLog {
  warn(message: string): void;
}

export interface AppliedChanges {
  result: AnalysisResult;
  /** Changes the analyzer could not take (the index keeps the file's previous state). */
  failed: { path: string; message: string }[];
}

export async function applyChanges(target: ChangeTarget, changes: readonly FileChange[], signal: AbortSignal, log: UpdateLog): Promise<AppliedChanges> {
  const failed: AppliedChanges['failed'] = [];
  for (const change of changes) {
    if (signal.aborted) break;
    try {
      if (change.type === 'delete') await target.removeFile(change.path, signal);
      else await target.updateFile(change.path, change.text, signal);
    } catch (error) {
      if (isAbort(error) || signal.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      failed.push({ path: change.path, message });
      log.warn(`Could not update the index for ${change.path} (${change.type}): ${message}. The other changes were applied.`);
    }
  }
  return { result: await target.result(), failed };
}

/** Log lines for files the analyzer started or stopped leaving out because analyzing them failed. */
export function analysisErrorChanges(previous: AnalysisResult | undefined, next: AnalysisResult): string[] {
  const key = (s: SkippedFile): string => `${s.root}:${s.file}`;
  const failing = (r: AnalysisResult | undefined): Map<string, SkippedFile> =>
    new Map((r?.skipped ?? []).filter((s) => s.reason === 'analysis-error').map((s) => [key(s), s]));
  const before = failing(previous);
  const after = failing(next);
  const lines: string[] = [];
  for (const [k, s] of after) {
    if (!before.has(k)) lines.push(`Left ${rootLabel(next, s)}${s.file} out of the index: analyzing it failed (${s.detail}). It is analyzed again on its next change.`);
  }
  for (const [k, s] of before) if (!after.has(k)) lines.push(`${rootLabel(next, s)}${s.file} is indexed again.`);
  return lines;
}

function rootLabel(result: AnalysisResult, s: SkippedFile): string {
  return result.roots.length > 1 ? `${result.roots[s.root] ?? ''}/` : '';
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
