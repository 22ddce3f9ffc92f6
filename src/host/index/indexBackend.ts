import type { AnalysisResult } from '../../core/analysis/types';
import type { FileChange } from './changeBatcher';

export interface IndexSettings {
  exclude: string[];
  maxFileBytes: number;
  /** Each folder's own values (`scope: resource` settings), index-aligned with the roots. */
  perRoot?: { exclude: string[]; maxFileBytes: number }[];
}

/** The analyzer as the index session sees it: a worker in production, swappable for tests. */
export interface IndexBackend {
  initialize(roots: string[], settings: IndexSettings, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<AnalysisResult>;
  apply(changes: FileChange[], signal: AbortSignal): Promise<AnalysisResult>;
  dispose(): void;
  /** Where the first index's time went, one line for the log (when the backend knows). */
  timeline?(): string;
}
