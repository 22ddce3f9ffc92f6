// sse-default: a WebSocket server whose server side only sends is server→client push, which SSE does
// over plain HTTP with native reconnection and no adapter.
import type { Detection } from '../../analysis/types';
import type { RuleContext } from '../context';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixFor } from '../fixes';

/** Socket events that are connection lifecycle, not application messages from a client. */
export const LIFECYCLE_EVENTS = new Set([
  'connection', 'connect', 'disconnect', 'disconnecting', 'close', 'error', 'connect_error', 'open',
  'reconnect', 'reconnect_attempt', 'reconnect_error', 'reconnect_failed', 'listening', 'headers',
  'upgrade', 'ping', 'pong', 'wsClientError', 'new_namespace', 'unexpected-response',
]);

/** A detection on the server side of the same transport (client libraries and browser globals excluded). */
export function isServerSide(d: Detection, server: Detection): boolean {
  return d.service === server.service && d.broker === server.broker && d.library !== 'global' && !/client/.test(d.library);
}

export const wsOneWayPushRule: Rule = {
  meta: {
    id: 'ws-one-way-push',
    title: 'WebSocket used only for server→client push',
    principle: 'sse-default',
    defaultSeverity: 'information',
    description:
      'A WebSocket server that only sends to clients and never handles an application message from them: SSE is plain HTTP, auto-reconnects and needs no adapter.',
  },
  evaluate(ctx) {
    // One side per service and broker (what isServerSide depends on), not a filter per server.
    const sides = new Map<string, Detection[]>();
    return ctx.detections('ws.server').flatMap((server): Finding[] => {
      const key = `${server.service}\0${server.broker}`;
      let side = sides.get(key);
      if (!side) sides.set(key, (side = ctx.detectionsOfService(server.service).filter((d) => isServerSide(d, server))));
      const sends = side.filter((d) => d.kind === 'ws.emit');
      const handlers = side.filter((d) => d.kind === 'ws.on' && (d.channel === null || !LIFECYCLE_EVENTS.has(d.channel)));
      if (sends.length === 0 || handlers.length > 0 || handlesInText(ctx, server, side)) return [];
      const libraries = ctx.libraries(server.service);
      return [
        {
          ruleId: 'ws-one-way-push',
          severity: 'information',
          message: `WebSocket server in \`${server.service}\` only pushes to clients (${sends.length} send${sends.length === 1 ? '' : 's'}, no handler for client messages): SSE is plain HTTP, auto-reconnects and needs no adapter.`,
          ...ctx.spanOf(server),
          principleId: 'sse-default',
          fixes: [fixFor('sse-endpoint', libraries, { fallback: 'node-http' })],
          related: sends.slice(0, 5).map((d) => ({ file: d.file, root: ctx.source(d.file, d.service)?.root, line: d.line, message: `sends to clients: ${d.snippet}` })),
        },
      ];
    });
  },
};

/**
 * Message handlers the detections cannot show: `socket.onmessage = …`, `addEventListener('message')`,
 * and uWebSockets' `message` handler inside the `app.ws(route, { … })` options.
 */
function handlesInText(ctx: RuleContext, server: Detection, side: Detection[]): boolean {
  const files = new Set([server.file, ...side.map((d) => d.file)]);
  for (const file of files) {
    const src = ctx.source(file, server.service);
    if (!src) continue;
    if (/\.onmessage\s*=/.test(src.view.masked) || /addEventListener\(\s*['"]message['"]/.test(src.view.text)) return true;
  }
  const src = ctx.source(server.file, server.service);
  if (src && server.library.startsWith('uWebSockets')) {
    const from = src.view.offsetAt(server.line, server.column);
    const to = src.view.offsetAt(server.endLine, server.endColumn);
    if (src.view.propertyValue('message', from, to)) return true;
  }
  return false;
}
