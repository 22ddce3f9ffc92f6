// "Which broker?" — along the seed's three axes: durability, throughput, operational cost. BullMQ is a
// job queue, not pub/sub, so background work leaves the tree first.
import { defineTree } from '../types';

export const brokerChoice = defineTree({
  id: 'broker-choice',
  title: 'Which broker?',
  description: 'Redis Pub/Sub, NATS JetStream, Kafka or BullMQ, by durability, throughput and ops cost.',
  principles: ['broker-matching', 'outbox-pattern'],
  root: 'purpose',
  nodes: {
    purpose: {
      kind: 'question',
      prompt: 'What will the broker carry?',
      grounding: { principle: 'broker-matching', quote: 'BullMQ: background job processing (not pub/sub).' },
      answers: [
        { label: 'Background jobs', detail: 'Emails, image processing, retries, scheduled work', next: 'bullmq' },
        { label: 'Events or messages between processes or services', next: 'durability' },
      ],
    },
    durability: {
      kind: 'question',
      prompt: 'Must a message survive while its subscriber is down?',
      grounding: {
        principle: 'broker-matching',
        quote: 'Redis Pub/Sub drops messages when no subscriber is connected — unsuitable for reliability.',
      },
      answers: [
        {
          label: 'No — it is ephemeral',
          detail: 'Cache invalidation broadcast, presence signals, live notifications fan-out',
          next: 'redis',
        },
        { label: 'Yes — it must be durable', next: 'throughput' },
      ],
    },
    throughput: {
      kind: 'question',
      prompt: 'What does the traffic look like?',
      grounding: {
        principle: 'broker-matching',
        quote: "Kafka's throughput (millions/sec), log compaction, and consumer group replay are unmatched",
      },
      answers: [
        {
          label: 'Streams: very high throughput, replay by many consumers',
          detail: 'Event sourcing pipelines, audit logs, analytics, multi-team event sharing',
          next: 'opsBudget',
        },
        {
          label: 'Service-to-service messages at low latency',
          detail: 'Service mesh, request-reply RPC, IoT telemetry',
          next: 'nats',
        },
      ],
    },
    opsBudget: {
      kind: 'question',
      prompt: 'Can the team carry the operational cost of a Kafka cluster?',
      grounding: { principle: 'broker-matching', quote: 'carry significant operational cost' },
      answers: [
        { label: 'Yes — there is budget and people to run it', next: 'kafka' },
        { label: 'No — we need minimal ops overhead', next: 'nats' },
      ],
    },
    bullmq: {
      kind: 'leaf',
      title: 'BullMQ job queue',
      recommendation: 'Use a job queue (BullMQ on Redis) with workers, retries and back-off. It is not a pub/sub bus.',
      notes: ['Enqueue after a database write through the outbox if losing the job is not acceptable.'],
      principle: 'broker-matching',
      grounding: { principle: 'broker-matching', quote: 'BullMQ: background job processing (not pub/sub).' },
      seeAlso: ['publish-after-write'],
    },
    redis: {
      kind: 'leaf',
      title: 'Redis Pub/Sub',
      recommendation: 'Redis Pub/Sub for fire-and-forget fan-out with sub-millisecond latency, especially if Redis is already in the stack.',
      notes: ['Messages published while no subscriber is connected are lost — never use it for anything that must survive downtime.'],
      principle: 'broker-matching',
      grounding: { principle: 'broker-matching', quote: 'Redis Pub/Sub for ephemeral notifications (fire-and-forget, sub-ms).' },
    },
    nats: {
      kind: 'leaf',
      title: 'NATS JetStream',
      recommendation: 'NATS JetStream: durable, low-latency messaging with minimal operational overhead.',
      notes: [
        'Use JetStream streams and durable consumers: core NATS has no durable replay.',
        'Publishing after a database write? Use the outbox pattern; consumers must be idempotent.',
      ],
      principle: 'broker-matching',
      grounding: { principle: 'broker-matching', quote: 'NATS JetStream for durable low-latency service mesh messaging.' },
      seeAlso: ['publish-after-write'],
    },
    kafka: {
      kind: 'leaf',
      title: 'Kafka',
      recommendation: 'Kafka for high-throughput event streaming, analytics pipelines and multi-consumer replay with consumer groups.',
      notes: [
        'Kafka is operational overkill for simple notification fan-out.',
        'Publishing after a database write? Use the outbox pattern; consumers must be idempotent.',
      ],
      principle: 'broker-matching',
      grounding: {
        principle: 'broker-matching',
        quote: 'Kafka for high-throughput event streaming, analytics pipelines, and multi-consumer replay.',
      },
      seeAlso: ['publish-after-write'],
    },
  },
});
