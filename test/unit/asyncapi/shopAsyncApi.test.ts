// The shop's AsyncAPI document: built from the real analysis, validated by the official @asyncapi/parser,
// listing every channel of the graph, and equal to the committed examples/shop/asyncapi.yaml (which the CLI
// writes byte for byte). Regenerate the example with:
//   event-architect analyze examples/shop --format asyncapi --out examples/shop/asyncapi.yaml
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { asyncApiYaml, buildAsyncApiDocument } from '../../../src/core/asyncapi';
import { collectConfigFiles } from '../../../src/core/rules';
import type { ConfigFile } from '../../../src/core/rules/types';
import { asyncApiText } from '../../../src/cli/format/asyncapi';
import { bundleCli, runCliProcess } from '../cli/cliProcess';

const SHOP = path.resolve(__dirname, '../../../examples/shop');
const EXAMPLE = path.join(SHOP, 'asyncapi.yaml');

let shop: AnalysisResult;
let configs: ConfigFile[];
let text: string;

beforeAll(async () => {
  shop = await analyze([SHOP]);
  configs = await collectConfigFiles([SHOP]);
  text = asyncApiText(shop, configs);
}, 60_000);

const ERROR = 0;

describe('the AsyncAPI 3.0 document of examples/shop', () => {
  it('is valid for the official AsyncAPI parser (no error diagnostics)', async () => {
    const { document, diagnostics } = await new Parser().parse(text);
    expect(diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    expect(document!.info().title()).toBe('shop event flows');
  });

  it('lists every channel of the graph with its address, and a send/receive operation per service', async () => {
    const { document } = await new Parser().parse(text);
    const channels = document!.channels().all();
    expect(channels).toHaveLength(shop.flows.length);
    expect(channels.map((c) => c.json().title).sort()).toEqual(shop.flows.map((f) => f.channel).sort());
    const byId = new Map(shop.detections.map((d) => [d.id, d]));
    for (const flow of shop.flows) {
      const channel = channels.find((c) => c.json().title === flow.channel && (c.json()['x-event-architect'] as { broker: string }).broker === flow.broker)!;
      expect(channel, flow.channel).toBeDefined();
      expect(channel.messages().all().length).toBe(1);
      const ops = channel.operations().all();
      const services = (ids: string[]) => [...new Set(ids.map((id) => byId.get(id)!.service))].sort();
      expect(ops.filter((o) => o.action() === 'send').map((o) => (o.json()['x-event-architect'] as { service: string }).service).sort()).toEqual(services(flow.producers));
      expect(ops.filter((o) => o.action() === 'receive').map((o) => (o.json()['x-event-architect'] as { service: string }).service).sort()).toEqual(services(flow.consumers));
    }
  });

  it('names the servers of the shop deployment, each on its protocol', async () => {
    const { document } = await new Parser().parse(text);
    const servers = document!.servers().all().map((s) => `${s.id()} ${s.protocol()} ${s.host()}`);
    expect(servers).toEqual(expect.arrayContaining(['kafka kafka kafka:9092', 'nats nats nats:4222', 'redis redis redis:6379']));
  });

  it('is the committed example, and the CLI writes the same bytes', async () => {
    expect(readFileSync(EXAMPLE, 'utf8')).toBe(text);
    const cli = await bundleCli();
    const r = runCliProcess(cli, ['analyze', SHOP, '--format', 'asyncapi', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(text);
  }, 60_000);

  it('is the same for the same analysis (deterministic, no dates)', () => {
    expect(asyncApiYaml(buildAsyncApiDocument(shop, configs, { title: 'shop', version: '0.1.0' }))).toBe(text);
  });
});
