// The eight deliberate problems of examples/shop as `ruleId file:line`, expected in every CLI format.
import path from 'node:path';

export const SHOP_ROOT = path.resolve(__dirname, '../../../examples/shop');

export const SHOP_FINDINGS = [
  'unguarded-invalidation apps/web/src/hooks/useOrders.ts:38',
  'sse-proxy-buffering infra/nginx.conf:33',
  'socketio-no-adapter services/chat/src/index.ts:9',
  'ws-one-way-push services/live-prices/src/index.ts:4',
  'sse-no-heartbeat services/notifications/src/stream.ts:13',
  'dual-write services/orders/src/routes.ts:59',
  'dual-write services/orders/src/routes.ts:63',
  'dual-write services/orders/src/routes.ts:84',
];
