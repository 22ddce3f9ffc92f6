// Benchmark result shape, targets and the human-readable table.

export interface ReindexResult {
  /** full: the whole file rewritten (every topic changes); line: one topic string in one block changes. */
  mode: 'full' | 'line';
  /** Young-generation size the driver ran with (MB), or null for Node's default. */
  youngGenerationMb: number | null;
  /** A minor GC ran in the idle turn after each update, as in the extension's worker. */
  idleGc: boolean;
  lines: number;
  iterations: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of the process per update (all its threads): barely affected by other load on the machine. */
  cpuP50Ms: number;
  cpuP95Ms: number;
  /** Detections found in the edited file after the last edit (proves the edit was really analysed). */
  detectionsInFile: number;
}

export interface ToolResult {
  wallMsMedian: number;
  cpuMsMedian: number | null;
  maxRssMbMedian: number | null;
  /** Our cold wall time divided by the tool's: below 1 means we are faster. */
  ratio: number;
}

export interface ProcessSeries {
  runs: number;
  wallMsMedian: number;
  wallMsMin: number;
  cpuMsMedian: number | null;
  maxRssMbMedian: number | null;
  wallMs: number[];
}

export interface Target {
  name: string;
  goal: string;
  actual: string;
  pass: boolean;
}

export interface BenchResult {
  /** Load average before and after: above the CPU count, other work competed with the measured runs. */
  machine: { cpus: number; loadAverage1mBefore: number; loadAverage1mAfter: number; node: string };
  corpus: { files: number; megabytes: number; lines: number };
  analysis: { detections: number; flows: number; skipped: number; filesParsed: number };
  cold: ProcessSeries;
  /** The same analysis with `--cache DIR`, every file unchanged since the cache was written. */
  warm: ProcessSeries;
  ripgrep: ToolResult;
  astGrep: ToolResult;
  reindex: ReindexResult[];
  targets: Target[];
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpu = (v: number | null): string => (v === null ? '' : `, CPU ${s(v)}`);
const ms = (v: number): string => `${v.toFixed(2)} ms`;

export function evaluateTargets(r: BenchResult): Target[] {
  const at2000 = r.reindex.find((x) => x.lines === 2000 && x.mode === 'full');
  const line2000 = r.reindex.find((x) => x.lines === 2000 && x.mode === 'line');
  const rss = r.cold.maxRssMbMedian;
  return [
    { name: 'cold analysis', goal: '≤ 2.00 s', actual: s(r.cold.wallMsMedian), pass: r.cold.wallMsMedian <= 2000 },
    { name: 'warm analysis (--cache)', goal: '≤ 0.40 s', actual: s(r.warm.wallMsMedian), pass: r.warm.wallMsMedian <= 400 },
    { name: 'peak RSS', goal: '≤ 300 MB', actual: rss === null ? 'not measured' : `${rss.toFixed(0)} MB`, pass: rss !== null && rss <= 300 },
    { name: 'vs ast-grep', goal: 'faster (ratio < 1)', actual: `${r.astGrep.ratio.toFixed(2)}×`, pass: r.astGrep.ratio < 1 },
    {
      name: 're-index p95 @ 2,000 lines',
      goal: '≤ 20 ms',
      actual: at2000 ? ms(at2000.p95Ms) : 'not measured',
      pass: at2000 !== undefined && at2000.p95Ms <= 20,
    },
    {
      name: 're-index p95 @ 2,000, 1 line',
      goal: '≤ 20 ms',
      actual: line2000 ? ms(line2000.p95Ms) : 'not measured',
      pass: line2000 !== undefined && line2000.p95Ms <= 20,
    },
  ];
}

const youngLabel = (mb: number | null): string =>
  mb === null ? "Node's default" : `${mb} MB (--max-semi-space-size=${mb / 2}, as the extension's worker: maxYoungGenerationSizeMb ${mb})`;

export function formatReport(r: BenchResult): string {
  const busy = Math.max(r.machine.loadAverage1mBefore, r.machine.loadAverage1mAfter) > r.machine.cpus;
  const rows = [
    `Event Architect benchmark  (${r.machine.cpus} CPUs, Node ${r.machine.node}, load ${r.machine.loadAverage1mBefore} → ${r.machine.loadAverage1mAfter})`,
    ...(busy ? ['WARNING: the machine was busy (load above the CPU count); wall times are inflated, compare CPU times.'] : []),
    '',
    `corpus            ${r.corpus.files.toLocaleString('en-US')} files, ${r.corpus.megabytes} MB, ${r.corpus.lines.toLocaleString('en-US')} lines`,
    `analysis output   ${r.analysis.detections} detections, ${r.analysis.flows} flows, ${r.analysis.filesParsed} files parsed, ${r.analysis.skipped} skipped`,
    `cold analysis     ${s(r.cold.wallMsMedian)} median of ${r.cold.runs} (min ${s(r.cold.wallMsMin)}${cpu(r.cold.cpuMsMedian)}), peak RSS ${r.cold.maxRssMbMedian?.toFixed(0) ?? '?'} MB`,
    `                  runs: ${r.cold.wallMs.map((v) => (v / 1000).toFixed(2)).join(', ')} s`,
    `warm (--cache)    ${s(r.warm.wallMsMedian)} median of ${r.warm.runs} (min ${s(r.warm.wallMsMin)}${cpu(r.warm.cpuMsMedian)}), peak RSS ${r.warm.maxRssMbMedian?.toFixed(0) ?? '?'} MB`,
    `                  runs: ${r.warm.wallMs.map((v) => (v / 1000).toFixed(2)).join(', ')} s`,
    `ripgrep           ${s(r.ripgrep.wallMsMedian)}${cpu(r.ripgrep.cpuMsMedian)}, ${r.ripgrep.maxRssMbMedian?.toFixed(0) ?? '?'} MB   → analyzer takes ${r.ripgrep.ratio.toFixed(2)}× ripgrep's wall time`,
    `ast-grep scan     ${s(r.astGrep.wallMsMedian)}${cpu(r.astGrep.cpuMsMedian)}, ${r.astGrep.maxRssMbMedian?.toFixed(0) ?? '?'} MB   → analyzer takes ${r.astGrep.ratio.toFixed(2)}× ast-grep's wall time`,
    `re-index          full = whole file rewritten, 1 line = one topic string edited (typing); young generation ${youngLabel(r.reindex[0]?.youngGenerationMb ?? null)}${r.reindex[0]?.idleGc ? '; minor GC when idle after each update' : ''}`,
    ...r.reindex.map(
      (x) =>
        `re-index ${String(x.lines).padStart(5)} lines ${x.mode === 'full' ? 'full  ' : '1 line'}  p50 ${ms(x.p50Ms)}, p95 ${ms(x.p95Ms)}, max ${ms(x.maxMs)}; CPU p50 ${ms(x.cpuP50Ms)}, p95 ${ms(x.cpuP95Ms)} ` +
        `(${x.iterations} edits, ${x.detectionsInFile} detections in file)`,
    ),
    '',
    'targets',
    ...r.targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(28)} ${t.actual.padEnd(14)} (goal ${t.goal})`),
  ];
  return `${rows.join('\n')}\n`;
}
