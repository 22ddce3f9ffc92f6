// The persistence-side scaffolds: outbox table and relay, idempotent consumer, CQRS level 1, event-sourced
// aggregate. Each is proven against real servers in test/scaffolds/persistence.
import type { Scaffold } from '../types';
import { cqrsLevel1Scaffold } from './cqrsLevel1';
import { eventSourcedAggregateScaffold } from './eventSourcedAggregate';
import { idempotentConsumerScaffold } from './idempotentConsumer';
import { outboxRelayScaffold } from './outboxRelay';
import { outboxTableScaffold } from './outboxTable';

export { cqrsLevel1Scaffold, eventSourcedAggregateScaffold, idempotentConsumerScaffold, outboxRelayScaffold, outboxTableScaffold };

export const persistenceScaffolds: Scaffold[] = [
  outboxTableScaffold,
  outboxRelayScaffold,
  idempotentConsumerScaffold,
  cqrsLevel1Scaffold,
  eventSourcedAggregateScaffold,
];
