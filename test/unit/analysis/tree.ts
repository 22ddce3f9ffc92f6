// Test helper: writes a small project tree into a fresh temp directory and analyzes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../../src/core/analysis/index';
import type { AnalysisOptions, AnalysisResult, Detection } from '../../../src/core/analysis/index';

export function writeTree(files: Record<string, string | Buffer>, prefix = 'ea-analysis-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** Analyzes a tree and removes it afterwards. */
export async function analyzeTree(files: Record<string, string | Buffer>, options?: AnalysisOptions): Promise<AnalysisResult> {
  const root = writeTree(files);
  try {
    return await analyze([root], options);
  } finally {
    removeTree(root);
  }
}

/** Compact `file:line kind channel` lines, sorted, for readable assertions. */
export function summarize(result: AnalysisResult, kinds?: string[]): string[] {
  return result.detections
    .filter((d: Detection) => !kinds || kinds.includes(d.kind))
    .map((d: Detection) => `${d.file}:${d.line} ${d.kind} ${d.channel ?? 'null'}`);
}
