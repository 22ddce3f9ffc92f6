// `npm run fuzz`: generates hostile files (scripts/fuzz/generators.ts) from a seed and runs them through
// the analyzer in chunks, the way users run it:
//   the CLI (a fresh process per chunk, `analyze CHUNK --format F --out …`): crashes, exit codes, chunk time,
//     and the report checked (it parses, skip reasons are known, no channel is longer than the budget);
//   the incremental analyzer (a fresh process per chunk): every file re-indexed once, timed: p50/p99/max.
// Flags: --seed N (1) --files N (1000) --chunk N (1000) --format json|sarif|text|mermaid (json)
//        --whole (then one CLI run over every chunk at once) --no-per-file --chunk-limit S (30)
//        --chunks A-B (run only chunks A to B of the run, the same files as in the whole run: a long run
//        split over several processes) --limit-by wall|cpu (wall; cpu judges the chunk limit by CPU time, for a machine shared with other
//        work) --no-cli (per-file times only) --report FILE (the summary as JSON) --keep (keep the files).
// Exits 1 on a crash, a non-zero exit, a hang, a chunk over the limit or a report that fails its checks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_VALUE_CHARS } from '../../src/core/analysis/extract/valueBudget';
import type { FuzzCase } from './generators';
import { fileCount, generateCase } from './generators';
import { bundle, runNode, writeCpuPreload } from './proc';

/** Hang guard of one chunk's per-file run (a whole chunk, so generous on a busy machine). */
const PER_FILE_GUARD_MS = 1_800_000;
/** Wall-clock hang guards under `--limit-by cpu`: the limit is judged by CPU time there because other work
 *  takes most of the machine, and a 30-s chunk was seen taking over 600 s of wall time at a load of 35. */
const CPU_MODE_GUARD_MS = 4 * 3_600_000;
const SKIP_REASONS = new Set(['too-large', 'binary', 'minified', 'unreadable', 'invalid-encoding', 'symlink-loop', 'parse-error', 'too-deep', 'budget']);

function writeCase(dir: string, c: FuzzCase): void {
  for (const [rel, content] of Object.entries(c.files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Problems of a JSON report (unparsable, unknown skip reasons, channels over the budget), and how many
 *  files it skipped for each reason. */
function checkJsonReport(file: string): { problems: string[]; skipped: Record<string, number> } {
  let report: { detections?: { channel: string | null }[]; skipped?: { reason: string }[] };
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as typeof report;
  } catch (error) {
    return { problems: [`report does not parse: ${(error as Error).message.slice(0, 200)}`], skipped: {} };
  }
  const problems: string[] = [];
  const skipped: Record<string, number> = {};
  for (const s of report.skipped ?? []) {
    skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
    if (!SKIP_REASONS.has(s.reason)) problems.push(`unknown skip reason ${s.reason}`);
  }
  // Channels are literal names (at most a file's length) or folded values (at most the budget + `*`).
  const longest = Math.max(0, ...(report.detections ?? []).map((d) => d.channel?.length ?? 0));
  if (longest > 1_048_576) problems.push(`a channel of ${longest} characters`);
  return { problems, skipped };
}

function skipText(skipped: Record<string, number>): string {
  return Object.entries(skipped).sort().map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none';
}

interface ChunkSummary {
  chunk: number;
  files: number;
  cliMs: number;
  cliCpuMs: number | null;
  cliExit: number | null;
  problems: string[];
  perFileCount: number;
  perFileMaxMs: number;
  perFileCpuMaxMs: number;
  /** Files the CLI skipped, by reason (JSON only). */
  skipped: Record<string, number>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      files: { type: 'string', default: '1000' },
      chunk: { type: 'string', default: '1000' },
      format: { type: 'string', default: 'json' },
      whole: { type: 'boolean', default: false },
      'no-per-file': { type: 'boolean', default: false },
      'no-cli': { type: 'boolean', default: false },
      'limit-by': { type: 'string', default: 'wall' },
      'chunk-limit': { type: 'string', default: '30' },
      report: { type: 'string' },
      keep: { type: 'boolean', default: false },
      chunks: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  const total = Number(values.files);
  const chunkSize = Number(values.chunk);
  const chunkLimitMs = Number(values['chunk-limit']) * 1000;
  const format = values.format;
  const perFileGuardMs = values['limit-by'] === 'cpu' ? CPU_MODE_GUARD_MS : PER_FILE_GUARD_MS;
  const wholeGuardMs = values['limit-by'] === 'cpu' ? CPU_MODE_GUARD_MS : 1_800_000;
  const range = /^(\d+)-(\d+)$/.exec(values.chunks ?? '0-999999');
  if (!range) throw new Error(`--chunks must be A-B, not ${values.chunks}`);
  const [firstChunk, lastChunk] = [Number(range[1]), Number(range[2])];
  if (!['json', 'sarif', 'text', 'mermaid'].includes(format)) throw new Error(`--format must be json, sarif, text or mermaid, not ${format}`);
  const work = mkdtempSync(path.join(tmpdir(), 'ea-fuzz-'));
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  log(`fuzz: seed ${seed}, ${total} files in chunks of ${chunkSize}, --format ${format}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { cli, perFile } = await bundle(path.join(work, 'bundle'));
  writeCpuPreload(path.join(work, 'bundle'));
  const casesRoot = path.join(work, 'cases');
  const summaries: ChunkSummary[] = [];
  const perFileTimes: { file: string; ms: number; cpuMs: number }[] = [];
  const failures: string[] = [];
  let caseIndex = 0;
  let written = 0;
  for (let chunk = 0; written < total; chunk++) {
    const dir = path.join(casesRoot, `chunk-${String(chunk).padStart(3, '0')}`);
    let files = 0;
    while (files < chunkSize && written + files < total) {
      const c = generateCase(seed, caseIndex);
      if (chunk >= firstChunk && chunk <= lastChunk) writeCase(path.join(dir, `case-${String(caseIndex).padStart(5, '0')}-${c.family}`), c);
      files += fileCount(c);
      caseIndex++;
    }
    written += files;
    if (chunk < firstChunk || chunk > lastChunk) continue;
    const out = path.join(work, `chunk-${chunk}.${format}`);
    // The kill timeout is a hang guard far above the limit: on a busy machine wall time stretches.
    const killMs = values['limit-by'] === 'cpu' ? CPU_MODE_GUARD_MS : Math.max(chunkLimitMs * 20, 600_000);
    const res = values['no-cli']
      ? { code: 0, signal: null, timedOut: false, cpuMs: 0, wallMs: 0, stdout: '', stderr: '' }
      : await runNode(cli, ['analyze', dir, '--format', format, '--out', out, '--quiet'], killMs);
    const problems: string[] = [];
    if (res.timedOut) problems.push(`CLI did not finish within ${killMs / 1000} s`);
    else if (res.code !== 0) problems.push(`CLI exit ${res.code ?? res.signal}: ${res.stderr.slice(0, 600)}`);
    const judged = values['limit-by'] === 'cpu' ? (res.cpuMs ?? res.wallMs) : res.wallMs;
    if (judged > chunkLimitMs) problems.push(`CLI took ${(judged / 1000).toFixed(1)} s ${values['limit-by'] === 'cpu' ? 'of CPU' : ''}(> ${chunkLimitMs / 1000} s)`);
    let skipped: Record<string, number> = {};
    if (format === 'json' && res.code === 0 && !values['no-cli']) {
      const checked = checkJsonReport(out);
      problems.push(...checked.problems);
      skipped = checked.skipped;
    }
    rmSync(out, { force: true });
    let perFileCount = 0;
    let perFileMax = 0;
    let perFileCpuMax = 0;
    if (!values['no-per-file']) {
      let current = '';
      const pf = await runNode(perFile, [dir], perFileGuardMs, (line) => {
        const m = JSON.parse(line) as { start?: string; file?: string; ms?: number; cpuMs?: number; error?: string };
        if (m.start !== undefined) current = m.start;
        if (m.file === undefined || m.ms === undefined) return;
        perFileCount++;
        perFileMax = Math.max(perFileMax, m.ms);
        perFileCpuMax = Math.max(perFileCpuMax, m.cpuMs ?? 0);
        perFileTimes.push({ file: `chunk-${chunk}/${m.file}`, ms: m.ms, cpuMs: m.cpuMs ?? 0 });
        if (m.error) problems.push(`updateFile ${m.file} threw: ${m.error.slice(0, 400)}`);
      });
      if (pf.timedOut) problems.push(`incremental run stopped by its ${perFileGuardMs / 60_000}-minute guard at ${current}`);
      else if (pf.code !== 0) problems.push(`incremental run exit ${pf.code ?? pf.signal}: ${pf.stderr.slice(0, 600)}`);
    }
    const s: ChunkSummary = { chunk, files, cliMs: Math.round(res.wallMs), cliCpuMs: res.cpuMs === null ? null : Math.round(res.cpuMs), cliExit: res.code, problems, perFileCount, perFileMaxMs: Math.round(perFileMax), perFileCpuMaxMs: Math.round(perFileCpuMax), skipped };
    summaries.push(s);
    for (const p of problems) failures.push(`chunk ${chunk}: ${p}`);
    log(
      `chunk ${chunk}: ${files} files, CLI ${(res.wallMs / 1000).toFixed(1)} s (CPU ${res.cpuMs === null ? '?' : (res.cpuMs / 1000).toFixed(1)} s) exit ${res.code ?? res.signal}` +
        (values['no-per-file'] ? '' : `, per-file max ${perFileMax.toFixed(0)} ms (CPU ${perFileCpuMax.toFixed(0)} ms)`) +
        (format === 'json' ? `, skipped: ${skipText(skipped)}` : '') +
        (problems.length ? `, ${problems.length} problem(s)` : ''),
    );
    for (const p of problems) log(`  ! ${p}`);
    if (!values.whole && !values.keep) rmSync(dir, { recursive: true, force: true });
  }
  let whole: { ms: number; cpuMs: number | null; exit: number | null; outputBytes: number; problems: string[]; skipped: Record<string, number> } | null = null;
  if (values.whole) {
    const out = path.join(work, `whole.${format}`);
    const res = await runNode(cli, ['analyze', casesRoot, '--format', format, '--out', out, '--quiet'], wholeGuardMs);
    const problems: string[] = [];
    if (res.timedOut) problems.push(`CLI did not finish within ${wholeGuardMs / 60_000} min`);
    else if (res.code !== 0) problems.push(`CLI exit ${res.code ?? res.signal}: ${res.stderr.slice(0, 600)}`);
    let outputBytes = 0;
    try {
      outputBytes = statSync(out).size;
    } catch {
      // No output file: reported through the exit code.
    }
    let skipped: Record<string, number> = {};
    if (format === 'json' && res.code === 0) {
      const checked = checkJsonReport(out);
      problems.push(...checked.problems);
      skipped = checked.skipped;
    }
    whole = { ms: Math.round(res.wallMs), cpuMs: res.cpuMs === null ? null : Math.round(res.cpuMs), exit: res.code, outputBytes, problems, skipped };
    for (const p of problems) failures.push(`whole run: ${p}`);
    log(`whole run (${written} files, one CLI process): ${(res.wallMs / 1000).toFixed(1)} s (CPU ${res.cpuMs === null ? '?' : (res.cpuMs / 1000).toFixed(1)} s), exit ${res.code ?? res.signal}, ${(outputBytes / 1e6).toFixed(1)} MB of ${format}` + (format === 'json' ? `, skipped: ${skipText(skipped)}` : ''));
    for (const p of problems) log(`  ! ${p}`);
  }
  const times = perFileTimes.map((t) => t.ms).sort((a, b) => a - b);
  const cpuTimes = perFileTimes.map((t) => t.cpuMs).sort((a, b) => a - b);
  const slowest = [...perFileTimes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const summary = {
    seed,
    files: summaries.reduce((n, s) => n + s.files, 0),
    chunks: summaries.length,
    crashes: summaries.filter((s) => s.problems.some((p) => /exit|threw|guard|did not finish/.test(p))).length,
    nonZeroExits: summaries.filter((s) => s.cliExit !== 0).length,
    maxChunkMs: Math.max(0, ...summaries.map((s) => s.cliMs)),
    maxChunkCpuMs: Math.max(0, ...summaries.map((s) => s.cliCpuMs ?? 0)),
    perFile: {
      count: times.length,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      maxMs: round(times.at(-1) ?? 0),
      cpuP99Ms: round(percentile(cpuTimes, 99)),
      cpuMaxMs: round(cpuTimes.at(-1) ?? 0),
      slowest,
    },
    maxValueChars: MAX_VALUE_CHARS,
    whole,
    chunkSummaries: summaries,
    failures,
  };
  log(
    `fuzz: ${summary.files} files, ${summaries.length} chunks, ${summary.crashes} crashes, ${summary.nonZeroExits} exits ≠ 0, slowest chunk ${(summary.maxChunkMs / 1000).toFixed(1)} s; ` +
      `per file (incremental update) p50 ${summary.perFile.p50Ms} ms, p99 ${summary.perFile.p99Ms} ms, max ${summary.perFile.maxMs} ms ` +
      `(CPU p99 ${summary.perFile.cpuP99Ms} ms, max ${summary.perFile.cpuMaxMs} ms), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  for (const s of slowest) log(`  slow: ${s.file} ${s.ms.toFixed(0)} ms (CPU ${s.cpuMs.toFixed(0)} ms)`);
  if (values.report) writeFileSync(values.report, `${JSON.stringify(summary, null, 2)}\n`);
  if (values.keep) log(`fuzz: files kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
  if (failures.length) {
    log(`fuzz: FAILED (${failures.length} problem(s)); replay with --seed ${seed}`);
    process.exitCode = 1;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
