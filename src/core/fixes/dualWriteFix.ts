// The dual-write quick fix: the flagged function writes its events to the outbox in the business
// transaction, and a relay (files in the service) publishes them to the brokers the code used before.
// Supported: node-postgres writes with Kafka (kafkajs) and BullMQ publishes; anything else is refused
// with a reason, and the scaffold quick fixes remain.
import path from 'node:path';
import type { AnalysisResult, Detection } from '../analysis/types';
import type { Finding } from '../rules/types';
import { styleOf, mergeImports } from '../placement/codeStyle';
import type { ChangeSet } from '../placement/changes';
import type { PlacementFs } from '../placement/fs';
import { placeScaffold, serviceLayoutFor } from '../placement/placeScaffold';
import { nameIn } from '../placement/project';
import { outboxRelayScaffold, outboxTableScaffold } from '../scaffolds/persistence';
import { relayCoreSource } from '../scaffolds/persistence/relayCoreSource';
import { relayMainSource } from '../scaffolds/persistence/relayRunnerSources';
import { postgresStoreSource, postgresWakeupSource } from '../scaffolds/persistence/relayStoreSources';
import { kafkaPublisherSource } from '../scaffolds/persistence/relayPublisherSources';
import { renderContent } from '../scaffolds/template';
import type { ScaffoldFile } from '../scaffolds/types';
import { routedRunRelaySource, type RelayRoutes } from './routedRunner';
import { rewriteToOutbox, RewriteRefused, type PublishSite } from './transactionRewrite';

export interface FixContext {
  fs: PlacementFs;
  result: AnalysisResult;
  now: Date;
  proxyConfigs?: readonly string[];
}

const SUPPORTED: Record<string, PublishSite['broker']> = { kafka: 'kafka', bullmq: 'bullmq' };

export function planDualWriteFix(finding: Finding, ctx: FixContext): ChangeSet {
  const root = finding.root ?? ctx.result.roots[0];
  if (!root) throw new RewriteRefused('The finding has no analysis root.');
  const abs = path.join(root, finding.file);
  const text = ctx.fs.read(abs);
  if (text === undefined) throw new RewriteRefused(`${finding.file} cannot be read.`);
  const rootIndex = ctx.result.roots.indexOf(root);
  const inFile = ctx.result.detections.filter((d) => d.kind === 'dual_write' && d.file === finding.file && d.root === rootIndex);
  const primary = inFile.find((d) => d.line === finding.line && d.column === finding.column) ?? inFile.find((d) => d.line === finding.line);
  if (!primary) throw new RewriteRefused('The flagged publish is no longer in the index; re-index and try again.');
  const service = ctx.result.services[primary.service];
  if (!service?.libraries.includes('pg')) throw new RewriteRefused('The outbox rewrite supports node-postgres (pg) services for now.');
  const sites = inFile.map((d) => toSite(d, text));
  const unsupported = inFile.filter((d) => !SUPPORTED[d.broker]);
  const style = styleOf(text);
  const rewritten = rewriteToOutbox(abs, text, offsetOf(text, primary.line, primary.column), sites.filter((s): s is PublishSite => s !== undefined), style);
  if (unsupported.some((d) => sameFunction(d, primary))) throw new RewriteRefused(`The function also publishes to ${unsupported[0]?.broker}, which the outbox rewrite does not move yet.`);

  const placement = { fs: ctx.fs, workspaceRoot: root, anchorFile: abs, now: ctx.now, ...(ctx.proxyConfigs ? { proxyConfigs: ctx.proxyConfigs } : {}) };
  const layout = serviceLayoutFor(placement);
  const routes = serviceRoutes(ctx.result, primary.service, rewritten, ctx.fs, path.join(layout.sourceDir, 'outbox', `${nameIn(layout.naming, 'runRelay')}.ts`));
  const values = { table: 'outbox', notifyChannel: 'outbox_wakeup', destination: routes.kafka[0] ?? 'outbox' };
  const tableFile = outboxTableScaffold.generate('postgres', { table: values.table, notifyChannel: values.notifyChannel }).files[0] as ScaffoldFile;
  const files: ScaffoldFile[] = [
    tableFile,
    { path: 'src/outbox/outboxRelay.ts', language: 'typescript', content: relayCoreSource },
    { path: 'src/outbox/postgresOutboxStore.ts', language: 'typescript', content: renderContent(postgresStoreSource, values) },
    { path: 'src/outbox/outboxWakeup.ts', language: 'typescript', content: renderContent(postgresWakeupSource, values) },
    ...(routes.kafka.length > 0 ? [{ path: 'src/outbox/kafkaPublisher.ts', language: 'typescript' as const, content: renderContent(kafkaPublisherSource, values) }] : []),
    { path: 'src/outbox/runRelay.ts', language: 'typescript', content: routedRunRelaySource(routes, '.js') },
    { path: 'src/outbox/relayMain.ts', language: 'typescript', content: relayMainSource },
  ];
  const variant = outboxRelayScaffold.variants.find((v) => v.id === (routes.kafka.length > 0 ? 'postgres-kafka' : 'postgres-bullmq'));
  if (!variant) throw new Error('outbox relay variant missing');
  const placed = placeScaffold(outboxRelayScaffold, variant, { files, notes: [] }, placement);
  // A runner that exists with other routes is replaced by the union computed above, not duplicated.
  const store = placed.changes.find((c) => /[Oo]utbox[-_]?[Ss]tore\.ts$/.test(c.path))?.path ?? path.join(layout.sourceDir, 'outbox', `${nameIn(layout.naming, 'postgresOutboxStore')}.ts`);
  let spec = path.relative(path.dirname(abs), store).split(path.sep).join('/').replace(/\.ts$/, '');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  const after = mergeImports(rewritten.text, [{ spec: `${spec}${layout.importExtension}`, names: ['enqueueOutboxEvent'] }], style);
  const fnName = primary.enclosingFunction ?? 'the handler';
  return {
    title: `Write the event to the outbox in the same transaction (${[...rewritten.kafka, ...rewritten.bullmq].join(', ')})`,
    changes: [{ kind: 'edit', path: abs, before: text, after }, ...placed.changes],
    notes: [
      `${fnName} now writes its events to the outbox inside the transaction; the relay publishes them.`,
      `Run the migration (${placed.changes.find((c) => c.path.endsWith('.sql'))?.path.split(/[\\/]/).pop() ?? 'outbox table'}) and start the relay (src/outbox/relayMain.ts).`,
    ],
    focus: { path: abs, line: primary.line },
  };
}

function sameFunction(a: Detection, b: Detection): boolean {
  return a.enclosingFunction === b.enclosingFunction && a.file === b.file;
}

function toSite(d: Detection, text: string): PublishSite | undefined {
  const broker = SUPPORTED[d.broker];
  return broker ? { offset: offsetOf(text, d.line, d.column), broker, channel: d.channel } : undefined;
}

export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset + column - 1;
}

/** Destinations the relay serves: the moved ones, the service's other dual writes, and an existing runner's. */
function serviceRoutes(result: AnalysisResult, service: string, moved: { kafka: string[]; bullmq: string[] }, fsv: PlacementFs, runner: string): RelayRoutes {
  const kafka = new Set(moved.kafka);
  const bullmq = new Set(moved.bullmq);
  for (const d of result.detections) {
    if (d.kind !== 'dual_write' || d.service !== service || !d.channel || d.channelIsPattern) continue;
    if (d.broker === 'kafka') kafka.add(d.channel);
    if (d.broker === 'bullmq') bullmq.add(d.channel);
  }
  const existing = fsv.read(runner) ?? '';
  for (const [name, set] of [['KAFKA_TOPICS', kafka], ['BULLMQ_QUEUES', bullmq]] as const) {
    const m = new RegExp(`${name}: readonly string\\[\\] = (\\[[^\\]]*\\])`).exec(existing);
    if (m?.[1]) for (const v of JSON.parse(m[1]) as string[]) set.add(v);
  }
  return { kafka: [...kafka].filter(Boolean).sort(), bullmq: [...bullmq].filter(Boolean).sort() };
}
