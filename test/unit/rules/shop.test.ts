import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { collectConfigFiles, evaluateRules } from '../../../src/core/rules/index';
import { getScaffold } from '../../../src/core/scaffolds/registry';
import { brief, readFromDisk } from './ruleTree';

const shop = path.resolve(__dirname, '../../../examples/shop');

describe('rules on examples/shop', () => {
  it('find exactly the problems the demo shop carries on purpose', async () => {
    const result = await analyze([shop]);
    const configs = await collectConfigFiles(result.roots);
    expect(configs.map((c) => c.path)).toEqual(['infra/docker-compose.yml', 'infra/nginx.conf', 'services/chat/ecosystem.config.cjs']);
    const findings = evaluateRules(result, readFromDisk, configs);
    expect(brief(findings)).toEqual([
      'unguarded-invalidation warning apps/web/src/hooks/useOrders.ts:38',
      'sse-proxy-buffering warning infra/nginx.conf:33',
      'socketio-no-adapter warning services/chat/src/index.ts:9',
      'ws-one-way-push information services/live-prices/src/index.ts:4',
      'sse-no-heartbeat warning services/notifications/src/stream.ts:13',
      'dual-write warning services/orders/src/routes.ts:59',
      'dual-write warning services/orders/src/routes.ts:63',
      'dual-write warning services/orders/src/routes.ts:84',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Optimistic mutation `useCancelOrder` invalidates `orderKeys.all` in `onSettled` without a `queryClient.isMutating()` guard: when mutations overlap, the refetch overwrites the other mutation's optimistic state.",
      "NGINX `location /api/notifications/stream` proxies the SSE route `/api/notifications/stream` without `proxy_buffering off`: events wait in the proxy's buffer instead of reaching the browser.",
      'socket.io server in `@shop/chat` has no adapter but runs several instances (PM2 `instances: 4` in services/chat/ecosystem.config.cjs): an event emitted on one instance never reaches clients connected to another.',
      'WebSocket server in `@shop/live-prices` only pushes to clients (2 sends, no handler for client messages): SSE is plain HTTP, auto-reconnects and needs no adapter.',
      'SSE route `/api/notifications/stream` in `@shop/notifications` never writes a heartbeat: proxies and load balancers close idle connections, so a quiet stream drops (write a `:` comment every ~15 s).',
      'Writes to the database and publishes to Kafka topic `orders.created` in the `POST /api/orders` handler without an outbox: a crash between the two loses or duplicates the event.',
      'Writes to the database and enqueues a job on BullMQ queue `email` in the `POST /api/orders` handler without an outbox: a crash between the two loses or duplicates the event.',
      'Writes to the database and publishes to Kafka topic `orders.cancelled` in the `POST /api/orders/:id/cancel` handler without an outbox: a crash between the two loses or duplicates the event.',
    ]);
    expect(findings.map((f) => f.fixes.map((x) => `${x.scaffoldId}/${x.variantId ?? '?'}`).join(' + '))).toEqual([
      'optimistic-mutation/react',
      'sse-reverse-proxy/nginx',
      'socketio-redis-adapter/redis-adapter',
      'sse-endpoint/node-http',
      'sse-endpoint/express',
      'outbox-table/postgres + outbox-relay/postgres-kafka',
      'outbox-table/postgres + outbox-relay/postgres-bullmq',
      'outbox-table/postgres + outbox-relay/postgres-kafka',
    ]);
    for (const f of findings) {
      expect(f.root).toBe(shop);
      for (const fix of f.fixes) expect(getScaffold(fix.scaffoldId)?.variants.some((v) => v.id === fix.variantId)).toBe(true);
    }
  });
});
