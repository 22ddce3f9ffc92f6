// The result of a workspace with nothing to analyze, known without the analysis worker: a new or empty
// folder shows its (empty) Event Flows at once instead of after a thread start. The look is bounded and
// conservative: any file the analyzer could read, any link, anything unreadable or a tree larger than the
// bound means "not known to be empty", and the worker decides as usual.
import fs from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../types';
import { kindOf } from '../discovery/walk';

const MAX_ENTRIES = 500;

/** The empty result of `roots` when none of them holds anything to analyze; null when unsure. */
export function emptyWorkspaceResult(roots: readonly string[]): AnalysisResult | null {
  let seen = 0;
  const stack = roots.map((r) => path.resolve(r));
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES || e.isSymbolicLink()) return null;
      if (e.isDirectory()) stack.push(path.join(dir, e.name));
      else if (e.isFile() && kindOf(e.name) !== null) return null;
    }
  }
  return {
    schemaVersion: 1,
    roots: roots.map((r) => path.resolve(r)),
    detections: [],
    flows: [],
    skipped: [],
    services: {},
    stats: { filesSeen: 0, filesParsed: 0, bytesRead: 0, lines: 0, durationMs: 0, parseMs: 0 },
  };
}
