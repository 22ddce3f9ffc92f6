// websocket-pubsub-scaling: a `ws` server has no liveness of its own. A client that vanished without a
// close frame (a laptop lid, a mobile network switch) stays in `wss.clients` forever: memory and
// broadcast work grow, and proxies cut idle sockets the server still counts. The `ws` README's remedy
// is a ping interval that terminates sockets whose pong did not come back. socket.io pings by itself.
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { wsOneWayPushRule } from './wsOneWayPush';

export const wsNoHeartbeatRule: Rule = {
  meta: {
    id: 'ws-no-heartbeat',
    title: 'ws server without ping/pong liveness',
    principle: 'websocket-pubsub-scaling',
    defaultSeverity: 'warning',
    description:
      'A `ws` WebSocketServer whose service never pings its clients nor listens for pongs: dead connections (no close frame) stay open forever, and idle ones are cut by proxies. Ping on an interval and terminate sockets that did not answer. A push-only server is left to `ws-one-way-push`, whose advice (SSE) makes the ping moot.',
  },
  evaluate(ctx) {
    const servers = ctx.detections('ws.server').filter((d) => d.library === 'ws' || d.library === 'isomorphic-ws');
    if (servers.length === 0) return [];
    const pushOnly = new Set(wsOneWayPushRule.evaluate(ctx).map((f) => `${f.file}:${f.line}`));
    return servers.flatMap((d): Finding[] => {
      if (pushOnly.has(`${d.file}:${d.line}`)) return [];
      const src = ctx.source(d.file, d.service);
      if (!src) return [];
      // Liveness often lives in a helper file of the service: look at every file of it that uses ws.
      const files = new Set([d.file, ...ctx.detectionsOfService(d.service).filter((x) => x.broker === 'ws').map((x) => x.file)]);
      for (const file of files) {
        const other = ctx.source(file, d.service);
        if (other && hasLiveness(other.view.masked, other.view.text)) return [];
      }
      return [
        {
          ruleId: 'ws-no-heartbeat',
          severity: 'warning',
          message: `WebSocket server in \`${d.service}\` never pings its clients: connections that died without a close frame stay in \`clients\` forever and idle ones are cut by proxies. Ping every ~30 s and \`terminate()\` sockets whose pong did not come back.`,
          ...ctx.spanOf(d),
          principleId: 'websocket-pubsub-scaling',
          fixes: [],
        },
      ];
    });
  },
};

function hasLiveness(masked: string, text: string): boolean {
  return /\.ping\s*\(/.test(masked) || /['"`]pong['"`]/.test(text) || /\b(isAlive|heartbeat\w*|keepAlive\w*)\b/i.test(masked);
}
