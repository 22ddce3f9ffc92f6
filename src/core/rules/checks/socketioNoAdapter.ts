// websocket-pubsub-scaling: socket.io without an adapter delivers a broadcast only to the sockets of
// the instance that emitted it; with several instances, rooms and broadcasts silently split.
import type { Detection } from '../../analysis/types';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixFor } from '../fixes';
import { instanceSigns } from '../deploy/instances';

/**
 * Adapter packages. With one installed the adapter is usually wired where the analyzer cannot see it
 * (NestJS `app.useWebSocketAdapter(new RedisIoAdapter(app))` in main.ts), so the rule trusts it.
 */
const ADAPTER_PACKAGES = /^(@socket\.io\/[\w-]*adapter|socket\.io-redis|socket\.io-adapter-[\w-]+)$/;

export const socketioNoAdapterRule: Rule = {
  meta: {
    id: 'socketio-no-adapter',
    title: 'socket.io server without a pub/sub adapter',
    principle: 'websocket-pubsub-scaling',
    defaultSeverity: 'warning',
    description:
      'A socket.io server with no adapter: with more than one instance, an event emitted on one instance never reaches clients connected to another. Warning when the service shows signs of several instances (PM2 cluster, replicas, Node cluster), hint otherwise.',
  },
  evaluate(ctx) {
    const servers = ctx.detections('ws.server').filter((d) => d.broker === 'socket.io');
    const byService = new Map<string, Detection[]>();
    for (const s of servers) {
      const list = byService.get(s.service);
      if (list) list.push(s);
      else byService.set(s.service, [s]);
    }
    const findings: Finding[] = [];
    for (const [service, list] of byService) {
      if (ctx.detections('ws.adapter', service).length > 0 || [...ctx.libraries(service)].some((lib) => ADAPTER_PACKAGES.test(lib))) continue;
      // NestJS gateways share the application's process: several gateways are not several instances.
      const signs = instanceSigns(ctx, service, list.filter((d) => d.library === 'socket.io').length);
      const fix = fixFor('socketio-redis-adapter', ctx.libraries(service), { fallback: 'redis-adapter' });
      for (const server of list) {
        const sign = signs[0];
        const message = sign
          ? `socket.io server in \`${service}\` has no adapter but runs several instances (${sign.description} in ${sign.file}): an event emitted on one instance never reaches clients connected to another.`
          : `socket.io server in \`${service}\` has no adapter: fine for a single instance, but once it runs more than one, broadcasts and rooms stop spanning instances.`;
        findings.push({
          ruleId: 'socketio-no-adapter',
          severity: sign ? 'warning' : 'hint',
          message,
          ...ctx.spanOf(server),
          principleId: 'websocket-pubsub-scaling',
          fixes: [fix],
          related: signs.map((s) => ({ file: s.file, root: s.root, line: s.line, message: `runs several instances: ${s.description}` })),
        });
      }
    }
    return findings;
  },
};
