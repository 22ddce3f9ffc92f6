// With `--cache`, the rules' findings are kept beside the index cache: they are a function of the analysis
// result, the deployment files and the source files the rules read (checked by size and mtime, as the
// index cache checks its files), and of the rules' code (the analyzer version). When all of them are
// unchanged, the findings are taken as they are instead of re-reading and masking every file with a
// detection (a tenth of an unchanged rerun). Anything that does not check out is simply recomputed.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../core/analysis/types';
import { defaultAnalyzerVersion } from '../core/analysis/runtime/persistentCache';
import type { ConfigFile, ReadFile } from '../core/rules/types';
import type { RuleOutcome } from './findings';
import { computeFindings, readFromDisk } from './findings';

const FORMAT = 1;
/** A file written this close before the findings were saved may change again within its mtime tick. */
const RACY_MS = 2000;

/** size, mtimeMs of each file the rules read, by `root\0rel` (null: it could not be read). */
type Stamps = Record<string, [number, number] | null>;

interface Saved {
  format: number;
  key: string;
  savedAtMs: number;
  stamps: Stamps;
  outcome: RuleOutcome;
}

/** The findings file that goes with an index cache file (pruned with it: cachePrune.ts). */
export const findingsFileFor = (indexCacheFile: string): string => indexCacheFile.replace(/\.eacache$/, '.eafindings');

function keyOf(analyzerVersion: string, result: AnalysisResult, configs: readonly ConfigFile[]): string {
  const { stats: _stats, ...rest } = result;
  return createHash('sha256').update(JSON.stringify([FORMAT, analyzerVersion, rest, configs])).digest('hex');
}

function stampOf(root: string, rel: string): [number, number] | null {
  const st = fs.statSync(path.join(root, ...rel.split('/')), { throwIfNoEntry: false });
  return st ? [st.size, st.mtimeMs] : null;
}

/** The saved findings when every input is unchanged, else null. */
export function loadFindings(file: string, analyzerVersion: string, result: AnalysisResult, configs: readonly ConfigFile[]): RuleOutcome | null {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Saved>;
    if (saved.format !== FORMAT || saved.key !== keyOf(analyzerVersion, result, configs) || !saved.outcome || !saved.stamps) return null;
    const savedAt = saved.savedAtMs ?? 0;
    for (const [id, stamp] of Object.entries(saved.stamps)) {
      const [root = '', rel = ''] = id.split('\0');
      const now = stampOf(root, rel);
      if (JSON.stringify(now) !== JSON.stringify(stamp) || (now && now[1] >= savedAt - RACY_MS)) return null;
    }
    return Array.isArray(saved.outcome.findings) && Array.isArray(saved.outcome.ruleErrors) ? saved.outcome : null;
  } catch {
    return null;
  }
}

/** A reader that records the stamp of every file the rules read, for `saveFindings`. */
export function recordingReader(read: ReadFile): { read: ReadFile; stamps: Stamps } {
  const stamps: Stamps = {};
  return {
    stamps,
    read: (rel, root) => {
      const id = `${root}\0${rel}`;
      if (!(id in stamps)) stamps[id] = stampOf(root, rel);
      return read(rel, root);
    },
  };
}

/** Saves the findings atomically (temp file + rename); a failure only costs the next run its shortcut. */
export function saveFindings(file: string, analyzerVersion: string, result: AnalysisResult, configs: readonly ConfigFile[], stamps: Stamps, outcome: RuleOutcome): void {
  const saved: Saved = { format: FORMAT, key: keyOf(analyzerVersion, result, configs), savedAtMs: Date.now(), stamps, outcome };
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(saved));
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}

/** The rules' findings, from the saved ones beside `indexCacheFile` when nothing they depend on changed. */
export async function findingsWithCache(result: AnalysisResult, indexCacheFile: string | undefined, configs: Promise<ConfigFile[]>, signal?: AbortSignal): Promise<RuleOutcome> {
  if (indexCacheFile === undefined) return computeFindings(result, undefined, signal, configs);
  const file = findingsFileFor(indexCacheFile);
  const version = defaultAnalyzerVersion();
  const configFiles = await configs;
  const saved = signal?.aborted ? null : loadFindings(file, version, result, configFiles);
  if (saved) return saved;
  const reader = recordingReader(readFromDisk);
  const outcome = await computeFindings(result, reader.read, signal, Promise.resolve(configFiles));
  // Only a complete outcome is worth keeping: a failed rule or a cut-short config walk is recomputed.
  if (!signal?.aborted && outcome.ruleErrors.length === 0) saveFindings(file, version, result, configFiles, reader.stamps, outcome);
  return outcome;
}
