// Cold, in-process analysis.
import type { AnalysisOptions, AnalysisResult } from '../types';
import { Engine } from './engine';

export async function analyze(roots: string[], options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const started = performance.now();
  const engine = new Engine(roots, options);
  await engine.scanAll(options.signal);
  const { result } = await engine.link(options.signal);
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
}
