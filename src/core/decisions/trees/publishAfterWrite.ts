// "How do I publish after a DB write?" — the outbox: event row in the same transaction, a relay that
// publishes at-least-once, idempotent consumers. In-process emitters and event stores need none of it.
import { defineTree } from '../types';

export const publishAfterWrite = defineTree({
  id: 'publish-after-write',
  title: 'How do I publish after a DB write?',
  description: 'Update the database and publish an event without losing either: the outbox pattern.',
  principles: ['outbox-pattern', 'event-sourcing-specialized', 'broker-matching'],
  root: 'audience',
  nodes: {
    audience: {
      kind: 'question',
      prompt: 'Who receives the event?',
      grounding: {
        principle: 'outbox-pattern',
        quote: 'Pure in-process event emission (EventEmitter) within a monolith.',
      },
      answers: [
        { label: 'Listeners in the same process (EventEmitter in a monolith)', next: 'inProcess' },
        { label: 'A broker or another service', detail: 'Kafka, NATS, RabbitMQ, Redis, a webhook…', next: 'store' },
      ],
    },
    store: {
      kind: 'question',
      prompt: 'Is the write itself an append to an event store?',
      grounding: {
        principle: 'outbox-pattern',
        quote: 'Append-only event stores used with event sourcing (the event write IS the state change — no dual-write problem).',
      },
      answers: [
        { label: 'Yes, the system is event-sourced', next: 'eventStore' },
        { label: 'No, it updates tables (SQL or an ORM)', next: 'stage' },
      ],
    },
    stage: {
      kind: 'question',
      prompt: 'How far along is the outbox?',
      grounding: {
        principle: 'outbox-pattern',
        quote: 'write the event to an `outbox` table in the same database transaction',
      },
      answers: [
        { label: 'Nothing yet: the code writes the row, then calls the broker', next: 'outboxTable' },
        { label: 'The outbox table is written; nothing publishes it yet', next: 'relay' },
        { label: 'A relay publishes; consumers see duplicates', next: 'idempotent' },
      ],
    },
    relay: {
      kind: 'question',
      prompt: 'How should the relay read the outbox?',
      grounding: {
        principle: 'outbox-pattern',
        quote: 'A separate relay process (polling publisher or CDC via Debezium) reads confirmed outbox rows and publishes them to the broker.',
      },
      answers: [
        { label: 'Poll the table from a Node process', next: 'pollingRelay' },
        { label: 'Change data capture (Debezium)', next: 'cdcRelay' },
      ],
    },
    inProcess: {
      kind: 'leaf',
      title: 'No outbox needed',
      recommendation: 'Emit in-process after the transaction commits; there is no broker, so there is no dual write.',
      notes: ['Once a listener moves to another service, switch to the outbox.'],
      principle: 'outbox-pattern',
      grounding: { principle: 'outbox-pattern', quote: 'Pure in-process event emission (EventEmitter) within a monolith.' },
    },
    eventStore: {
      kind: 'leaf',
      title: 'Publish from the event store',
      recommendation: 'The appended event is the state change: subscribe to the event store and publish from it, no outbox table.',
      notes: ['Consumers must still be idempotent if delivery is at-least-once.'],
      principle: 'outbox-pattern',
      grounding: { principle: 'outbox-pattern', quote: 'the event write IS the state change — no dual-write problem' },
      scaffoldId: 'event-sourced-aggregate',
    },
    outboxTable: {
      kind: 'leaf',
      title: 'Add an outbox table',
      recommendation:
        'Insert the event into an `outbox` table inside the same transaction as the business change; stop calling the broker from the request path.',
      notes: ['Then add a relay (scaffold `outbox-relay`) and make consumers idempotent.'],
      principle: 'outbox-pattern',
      grounding: {
        principle: 'outbox-pattern',
        quote: 'either both the business change and the outbox record commit, or neither does',
      },
      scaffoldId: 'outbox-table',
    },
    pollingRelay: {
      kind: 'leaf',
      title: 'Polling outbox relay',
      recommendation: 'Run a relay that claims unpublished outbox rows in batches, publishes them, then marks them published.',
      notes: ['Delivery is at-least-once: every consumer must be idempotent.'],
      principle: 'outbox-pattern',
      grounding: { principle: 'outbox-pattern', quote: 'polling publisher or CDC via Debezium' },
      scaffoldId: 'outbox-relay',
    },
    cdcRelay: {
      kind: 'leaf',
      title: 'CDC relay (Debezium)',
      recommendation: 'Let Debezium stream committed outbox rows from the database log to the broker.',
      notes: ['Delivery is still at-least-once: make every consumer idempotent.'],
      principle: 'outbox-pattern',
      grounding: { principle: 'outbox-pattern', quote: 'polling publisher or CDC via Debezium' },
      scaffoldId: 'idempotent-consumer',
    },
    idempotent: {
      kind: 'leaf',
      title: 'Idempotent consumers',
      recommendation: 'Record each processed event id in the consumer’s own transaction and skip ids already seen.',
      notes: [],
      principle: 'outbox-pattern',
      grounding: {
        principle: 'outbox-pattern',
        quote: 'All event consumers must be idempotent — the relay delivers at-least-once.',
      },
      scaffoldId: 'idempotent-consumer',
    },
  },
});
