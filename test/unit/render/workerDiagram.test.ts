// The flow diagram is summarised in the analysis worker and travels with the result, so the extension host
// never runs the summariser itself; a result that did not come from the worker is rendered once and cached.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisWorkerClient } from '../../../src/core/analysis/index';
import { flowDiagramOf } from '../../../src/core/render/diagramOf';
import { buildWorkerBundle } from '../analysis/bundle';
import { removeTree, writeTree } from '../analysis/tree';
import { ordersResult } from './resultFixture';

let outDir = '';
let script = '';

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-worker-diagram-'));
  script = path.join(outDir, 'analysisWorker.js');
  await buildWorkerBundle('worker.ts', script);
}, 60_000);

afterAll(() => removeTree(outDir));

const SOURCE = `import { connect } from 'nats';\nexport async function go() {\n  const nc = await connect();\n  nc.publish('orders.created', '');\n  nc.subscribe('orders.created');\n}\n`;

describe('flow diagram of a result', () => {
  it('arrives from the worker with the result instead of being rendered on this thread', async () => {
    const root = writeTree({ 'src/nats.ts': SOURCE });
    const client = new AnalysisWorkerClient({ scriptPath: script });
    try {
      const result = await client.initialize([root]);
      // Rendering here would now draw no flows at all: the diagram must be the one the worker made.
      result.flows = [];
      const diagram = flowDiagramOf(result);
      expect(diagram.channelsTotal).toBe(1);
      expect(diagram.source).toContain('orders.created');
      const again = await client.result();
      again.flows = [];
      expect(flowDiagramOf(again).source).toContain('orders.created');
    } finally {
      await client.dispose();
      removeTree(root);
    }
  }, 60_000);

  it('is rendered once per result object elsewhere', () => {
    const result = ordersResult();
    const first = flowDiagramOf(result);
    expect(flowDiagramOf(result)).toBe(first);
    expect(flowDiagramOf(ordersResult())).not.toBe(first);
  });
});
