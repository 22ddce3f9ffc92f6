// What the index can say about a decision tree's questions. A pre-answer is a pure function of the
// analysis result and the rules' findings: the host and the CLI compute it the same way, the webview
// only shows it. Every pre-answer carries the places in the code that justify it, so the user can check
// it (and override it) instead of trusting a guess.
import type { AnalysisResult } from '../../analysis/types';
import type { Finding } from '../../rules/types';

/** One place in the workspace that supports a pre-answer. */
export interface Evidence {
  /** One line for the reader; inline `code` in backticks, names already made visible and capped. */
  text: string;
  /** Absolute analysis root holding `file`. */
  root: string;
  /** POSIX path relative to `root`. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface PreAnswer {
  /** The answer's `next` key, as in the tree. */
  next: string;
  /** Why, in one sentence. */
  reason: string;
  evidence: Evidence[];
  /** What the index also saw that points the other way (the user may want to override). */
  caveat?: string;
}

/** Pre-answers of one tree, by question key. */
export type PreAnswers = Readonly<Record<string, PreAnswer>>;

/** A deployment file found next to the code (nginx `*.conf`, Caddyfile…), by path only. */
export interface ConfigFileRef {
  root: string;
  path: string;
}

/** Everything the pre-answers read: the analysis snapshot and the rule findings over it. */
export interface DecisionFacts {
  result: Pick<AnalysisResult, 'roots' | 'detections' | 'flows'>;
  findings: readonly Finding[];
  configFiles?: readonly ConfigFileRef[];
}
