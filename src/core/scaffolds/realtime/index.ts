// The realtime and UI-consistency scaffolds, as data: each is proven by test/scaffolds/realtime.
import type { Scaffold } from '../types';
import { optimisticMutationScaffold } from './optimisticMutation';
import { socketioAdapterScaffold } from './socketioAdapter';
import { sseClientScaffold } from './sseClient';
import { sseEndpointScaffold } from './sseEndpoint';
import { sseProxyScaffold } from './sseProxy';
import { trpcSubscriptionScaffold } from './trpcSubscription';
import { wsFanoutScaffold } from './wsRedisFanout';

export const realtimeScaffolds: Scaffold[] = [
  sseEndpointScaffold,
  sseClientScaffold,
  sseProxyScaffold,
  socketioAdapterScaffold,
  wsFanoutScaffold,
  optimisticMutationScaffold,
  trpcSubscriptionScaffold,
];

export {
  optimisticMutationScaffold,
  socketioAdapterScaffold,
  sseClientScaffold,
  sseEndpointScaffold,
  sseProxyScaffold,
  trpcSubscriptionScaffold,
  wsFanoutScaffold,
};
export { ScaffoldInputError } from '../params';
