// `npm run fuzz:doubling`: times the constant-folding attack on the analyzer, as a user meets it.
//   CLI: `const c0 = '<seed>'; const c1 = c0 + c0; … producer.send({ topic: cN })` at depths 17, 22, 30
//     (4,900-character seed) and 24 (1-character seed), a fresh process each (median of --runs): wall and
//     CPU time, exit code, and the outcome (a pattern channel, or a `budget` skip). An empty folder's run
//     is the baseline of process start-up.
//   updateFile: a workspace whose file exports the chain and another file imports it; the file is
//     rewritten at each depth and re-indexed (median of --runs, wall and CPU).
// Flags: --runs N (3), --json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IncrementalAnalyzer } from '../../src/core/analysis';
import { bundle, runNode, writeCpuPreload } from './proc';

const KAFKA = `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: ['k:9092'] });\nconst producer = kafka.producer();\n`;

function doubling(depth: number, seedChars: number, exported: boolean): string {
  const exp = exported ? 'export ' : '';
  let s = `${KAFKA}${exp}const c0 = '${'x'.repeat(seedChars)}';\n`;
  for (let i = 1; i <= depth; i++) s += `${exp}const c${i} = c${i - 1} + c${i - 1};\n`;
  return `${s}export async function go() {\n  await producer.send({ topic: c${depth}, messages: [] });\n}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const CASES: { depth: number; seed: number }[] = [
  { depth: 17, seed: 4900 },
  { depth: 22, seed: 4900 },
  { depth: 30, seed: 4900 },
  { depth: 24, seed: 1 },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  const work = mkdtempSync(path.join(tmpdir(), 'ea-doubling-'));
  const log = (line: string): void => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };
  try {
    const { cli } = await bundle(path.join(work, 'bundle'));
    writeCpuPreload(path.join(work, 'bundle'));
    log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const cliRows: Record<string, unknown>[] = [];
    const cliCase = async (label: string, files: Record<string, string>, outcome: boolean): Promise<void> => {
      const dir = path.join(work, label);
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
      const walls: number[] = [];
      const cpus: number[] = [];
      const exits = new Set<string>();
      let result = '';
      for (let i = 0; i < runs; i++) {
        const out = path.join(work, `${label}.json`);
        const r = await runNode(cli, ['analyze', dir, '--format', 'json', '--out', out, '--quiet'], 120_000);
        walls.push(r.wallMs);
        cpus.push(r.cpuMs ?? Number.NaN);
        exits.add(r.timedOut ? 'timeout' : String(r.code ?? r.signal));
        if (outcome && r.code === 0) {
          const report = JSON.parse(readFileSync(out, 'utf8')) as { detections: { channel: string | null; channelIsPattern: boolean }[]; skipped: { reason: string }[] };
          const send = report.detections[0];
          const budget = report.skipped.find((s) => s.reason === 'budget');
          result = budget ? 'budget skip' : send ? `${send.channelIsPattern ? 'pattern' : 'exact'} channel of ${send.channel?.length ?? 0} chars` : 'no detection';
        }
      }
      const row = { case: label, wallMs: Math.round(median(walls)), cpuMs: Math.round(median(cpus)), exit: [...exits].join('/'), outcome: result };
      cliRows.push(row);
      log(`CLI ${label.padEnd(22)} wall ${(row.wallMs / 1000).toFixed(2)} s, CPU ${(row.cpuMs / 1000).toFixed(2)} s, exit ${row.exit}${result ? `, ${result}` : ''}`);
    };
    await cliCase('empty-folder', { 'README.md': '# empty\n' }, false);
    for (const c of CASES) await cliCase(`depth-${c.depth}-seed-${c.seed}`, { 'src/doubling.ts': doubling(c.depth, c.seed, false) }, true);

    // updateFile: the file exporting the chain is rewritten at each depth and re-indexed.
    const root = path.join(work, 'incremental');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    const chain = path.join(root, 'src', 'chain.ts');
    writeFileSync(chain, doubling(1, 4900, true));
    writeFileSync(path.join(root, 'src', 'use.ts'), `${KAFKA}import { c30 } from './chain';\nexport const go = () => producer.send({ topic: c30, messages: [] });\n`);
    const inc = new IncrementalAnalyzer([root], { scanWorkerFile: null });
    await inc.initialize();
    const updateRows: Record<string, unknown>[] = [];
    for (const depth of [17, 20, 22, 24, 30]) {
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate the seed so every update really changes the exports.
        writeFileSync(chain, doubling(depth, 4900 - (i % 2), true));
        const cpu = process.cpuUsage();
        const started = performance.now();
        await inc.updateFile(chain);
        walls.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpus.push((used.user + used.system) / 1000);
      }
      const row = { depth, wallMs: Math.round(median(walls) * 10) / 10, cpuMs: Math.round(median(cpus) * 10) / 10 };
      updateRows.push(row);
      log(`updateFile exported chain depth ${depth}: wall ${row.wallMs} ms, CPU ${row.cpuMs} ms`);
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ load: loadavg(), cli: cliRows, updateFile: updateRows }, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
