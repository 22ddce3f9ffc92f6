import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/index';
import { brief, count, evaluateTree, pkg } from './ruleTree';

const rule = (findings: Finding[]): Finding[] => findings.filter((f) => f.ruleId === 'ws-no-heartbeat');

const server = (extra: string) => `import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    for (const client of wss.clients) client.send(data);
  });
${extra}
});
`;

describe('rule ws-no-heartbeat', () => {
  it('flags a two-way ws server that never pings', async () => {
    const { findings, kinds } = await evaluateTree({ 'package.json': pkg('chat', { ws: '8.18.0' }), 'src/server.ts': server('') });
    expect(count(kinds, 'ws.server')).toBe(1);
    expect(brief(rule(findings))).toEqual(['ws-no-heartbeat warning src/server.ts:3']);
  });

  it('stays quiet with the ws README heartbeat (isAlive, pong, ping on an interval)', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('chat', { ws: '8.18.0' }),
      'src/server.ts': server(`  (ws as any).isAlive = true;
  ws.on('pong', () => ((ws as any).isAlive = true));
});
const interval = setInterval(() => {
  for (const ws of wss.clients) {
    if (!(ws as any).isAlive) { ws.terminate(); continue; }
    (ws as any).isAlive = false;
    ws.ping();
  }
}, 30_000);
wss.on('close', () => clearInterval(interval));
wss.on('listening', () => {`),
    });
    expect(count(kinds, 'ws.server')).toBe(1);
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });

  it('leaves socket.io servers alone (they ping by themselves)', async () => {
    const { findings, kinds } = await evaluateTree({
      'package.json': pkg('chat', { 'socket.io': '4.8.1', '@socket.io/redis-adapter': '8.3.0' }),
      'src/server.ts': `import { Server } from 'socket.io';
const io = new Server(3000);
io.on('connection', (socket) => socket.on('chat', (m) => io.emit('chat', m)));
`,
    });
    expect(count(kinds, 'ws.server')).toBe(1);
    expect(brief(findings)).toEqual([]); // no rule at all fires on a negative
  });
});
