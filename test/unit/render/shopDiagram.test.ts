// @vitest-environment jsdom
// The acceptance check of the CLI's Mermaid format on the demo workspace: what
// `event-architect analyze examples/shop --format mermaid` prints is a diagram Mermaid's own parser accepts,
// with one channel node per flow of the analysis.
import path from 'node:path';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { renderFlowMermaid } from '../../../src/core/render/mermaid';

const shop = path.resolve(__dirname, '../../../examples/shop');

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

describe('examples/shop as a Mermaid diagram', () => {
  it('parses, and names every channel of the flow graph', async () => {
    const result = await analyze([shop]);
    expect(result.flows.length).toBeGreaterThanOrEqual(8);
    const diagram = renderFlowMermaid(result);
    await expect(mermaid.parse(diagram.source)).resolves.toBeTruthy();
    expect(diagram.channelsShown).toBe(result.flows.length);
    for (const channel of ['orders.created', 'orders.cancelled', 'email', 'chat:message', '/api/notifications/stream']) {
      expect(diagram.source).toContain(channel);
    }
  });
});
