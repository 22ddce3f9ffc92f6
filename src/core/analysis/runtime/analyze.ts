// Cold, in-process analysis.
import type { AnalysisOptions, AnalysisResult } from '../types';
import { Engine } from './engine';

export async function analyze(roots: string[], options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const started = performance.now();
  const engine = new Engine(roots, options);
  await engine.scanAll(options.signal);
  const { result } = await engine.link(options.signal);
  if (options.cacheFile) {
    // A cache that cannot be written costs the next run its speed, never this run its result.
    let saved: string;
    try {
      saved = engine.saveCache();
    } catch (e) {
      saved = `not written (${(e as Error).message})`;
    }
    options.onCache?.(`${engine.timings.cache}; ${saved}`);
  }
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
}
