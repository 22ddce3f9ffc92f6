// The seven principles, statement for statement as the seed document states them (the checked-in copy is
// test/fixtures/seed/realtime-principles.md; test/unit/principles/catalog.test.ts proves that no sentence
// was lost or invented). Inline `code` keeps the seed's backticks; renderers turn it into code spans.
import type { Principle, PrincipleArea, PrincipleId } from './types';
import { PRINCIPLE_AREAS } from './types';

type PrincipleData = Omit<Principle, 'summary'>;

/**
 * The seed document names no external references, only its own internal research notes, which users
 * cannot open; so every principle cites the seed itself by title and date, and the page adds the section.
 */
const SEED_SOURCE = { document: 'Real-time & Event-Driven Architecture Principles', revised: '2026-02-19' } as const;

const DATA: readonly PrincipleData[] = [
  {
    id: 'sse-default',
    title: "SSE is the Default for Server-to-Client Push",
    area: 'Real-time transport',
    what: "Use Server-Sent Events (SSE) as the default for any server-to-client real-time push. Reserve WebSockets for cases that require genuine bidirectional communication. ~80% of real-time use cases are unidirectional (notifications, feeds, LLM streaming, dashboards, live analytics).",
    why: "SSE is plain HTTP — it works through every proxy, CDN, firewall, and edge runtime without special configuration. HTTP/2 multiplexing eliminates the old \"6 connections per domain\" limitation. SSE auto-reconnects natively. tRPC v11's `httpSubscriptionLink` provides typed SSE subscriptions without a WebSocket server. WebSocket adds connection-state complexity (heartbeat, reconnection logic, scaling with sticky sessions or adapter) that SSE avoids.",
    when: "Server → client only: notifications, live feeds, LLM token streaming, real-time dashboards, progress events, CQRS read model updates. NGINX requires `proxy_buffering off`; Caddy requires `flush_interval -1`.",
    whenNot: "Bidirectional interaction (chat, multiplayer gaming, collaborative editing), ultra-low latency (<50ms) with high bidirectional frequency.",
    source: SEED_SOURCE,
  },
  {
    id: 'websocket-pubsub-scaling',
    title: "Scale WebSocket with Pub/Sub Adapters, Not Sticky Sessions",
    area: 'Real-time transport',
    what: "When scaling WebSocket servers horizontally, use a shared pub/sub adapter (Redis, NATS) rather than sticky load balancing. Every WebSocket server instance subscribes to the broker; messages published by any instance fan out to all connected clients regardless of which instance holds their connection.",
    why: "Sticky sessions route clients to the same server permanently — they break on server failure and prevent true horizontal scaling. The pub/sub adapter approach makes every server instance stateless with respect to connection routing. Message arrives at any server → published to broker → all instances deliver to their local connected clients.",
    when: "Any WebSocket deployment with more than one server instance. Practical limit per Node.js process: 10,000–30,000 concurrent connections. Add instances + Redis adapter rather than vertically scaling a single server.",
    whenNot: "Single-instance deployments (development, low-traffic). Managed WebSocket services (Ably, Pusher) handle this infrastructure for you.",
    source: SEED_SOURCE,
  },
  {
    id: 'event-sourcing-specialized',
    title: "Event Sourcing is a Specialized Tool — Don't Apply by Default",
    area: 'Event patterns',
    what: "Apply event sourcing only to bounded contexts where audit trail fidelity, temporal queries, or event-driven inter-service communication are genuine requirements. Use standard CRUD + history tables for everything else. Hybrid architectures (event-sourced core + CRUD periphery) are valid and common.",
    why: "Event sourcing imposes significant scaffold overhead (commands, handlers, validators, events, aggregates, projections, materializers). Production realities: projection maintenance scales with event volume, schema evolution requires upcasters, materialization lag causes 404s on newly created aggregates, and most UIs are form-based not task-based — creating frontend impedance. The \"free audit log\" becomes noisy and expensive to filter.",
    when: "Financial transactions, healthcare records, compliance domains, AI agent traces, long-running workflows, inter-service event contracts. Specifically: when you need to answer \"what was the state on date X?\" or replay events to rebuild derived state.",
    whenNot: "User profiles, product catalogs, configuration, session management, any domain where a history table (`updated_at`, `updated_by`, `previous_value`) meets the audit requirement. If \"why event sourcing?\" yields only vague answers about \"flexibility\" — don't use it.",
    source: SEED_SOURCE,
  },
  {
    id: 'cqrs-level-1-first',
    title: "Use CQRS Level 1 First — Escalate to Level 2 Under Load",
    area: 'Event patterns',
    what: "Start with Level 1 CQRS (separate command and query logic, single database). Escalate to Level 2 (separate read and write databases with materialized views) only when read/write scaling requirements genuinely diverge. Level 1 captures most of the clarity benefits with minimal added complexity.",
    why: "Level 2 CQRS introduces eventual consistency between stores, synchronization logic, projection update pipelines, and operational overhead of two database deployments. Most applications that benefit from CQRS don't need separate stores — they need separate models. Commands encode business intent (`BookHotelRoom`, not `SET status = reserved`). Queries return flat DTOs, not domain objects.",
    when: "Level 1: any app with complex write-side domain logic and simple display needs. Level 2: read:write ratio >10:1, read and write scaling requirements diverge, or integrating with event sourcing (event store = write model, projections = read model).",
    whenNot: "Simple CRUD domains, small teams unfamiliar with the pattern, apps where a single ORM model is sufficient.",
    source: SEED_SOURCE,
  },
  {
    id: 'outbox-pattern',
    title: "Use the Outbox Pattern for Atomic DB Update + Event Publish",
    area: 'Reliable messaging',
    what: "When a state change must both update the database and publish an event to a broker, write the event to an `outbox` table in the same database transaction. A separate relay process (polling publisher or CDC via Debezium) reads confirmed outbox rows and publishes them to the broker. All event consumers must be idempotent — the relay delivers at-least-once.",
    why: "You cannot atomically update a relational database and publish to a message broker without 2PC (which most stacks don't support and is fragile). The outbox pattern achieves atomicity via a single database transaction: either both the business change and the outbox record commit, or neither does.",
    when: "Any event-driven system where database updates trigger downstream events. Payment processing, order workflows, any CQRS Level 2 write model, transactional microservice boundaries.",
    whenNot: "Pure in-process event emission (EventEmitter) within a monolith. Append-only event stores used with event sourcing (the event write IS the state change — no dual-write problem).",
    source: SEED_SOURCE,
  },
  {
    id: 'optimistic-updates',
    title: "Optimistic Updates with Smart Invalidation for UI Consistency",
    area: 'UI consistency',
    what: "Default to optimistic updates for user-facing mutations. Use TanStack Query's `onMutate`/`onSettled` cycle: cancel conflicting queries, snapshot current cache, apply optimistic change, roll back on error. In `onSettled`, gate invalidation with `queryClient.isMutating()` to prevent over-invalidation when concurrent mutations are in-flight.",
    why: "Eventual consistency means reads may lag writes. Waiting for server confirmation creates perceptibly slow UIs. Optimistic updates provide instant feedback while server round-trips complete. The `isMutating` guard prevents the race where mutation A's `onSettled` invalidation triggers a refetch that overwrites mutation B's optimistic state.",
    when: "All standard CRUD mutations. Escalate to real-time server push (SSE/WebSocket invalidation) when multiple users share state. Use blocking UI (disabled controls + spinner) only for irreversible, high-stakes operations (payments, legal agreements).",
    whenNot: "Financial transactions where the response value (transaction ID, final amount) cannot be predicted client-side. Concurrent collaborative editing with conflict potential — use versioning + conflict detection or CRDTs.",
    source: SEED_SOURCE,
  },
  {
    id: 'broker-matching',
    title: "Match Message Broker to Durability and Throughput Requirements",
    area: 'Reliable messaging',
    what: "Choose message brokers based on three axes: durability requirement (ephemeral vs durable), throughput target, and operational cost budget. Redis Pub/Sub for ephemeral notifications (fire-and-forget, sub-ms). NATS JetStream for durable low-latency service mesh messaging. Kafka for high-throughput event streaming, analytics pipelines, and multi-consumer replay.",
    why: "Redis Pub/Sub drops messages when no subscriber is connected — unsuitable for reliability. NATS has microsecond latency and minimal ops overhead, making it ideal for synchronous microservice communication patterns. Kafka's throughput (millions/sec), log compaction, and consumer group replay are unmatched but carry significant operational cost.",
    when: "Redis: cache invalidation broadcast, ephemeral presence signals, already-in-stack lightweight pub/sub. NATS: service mesh, request-reply RPC, IoT telemetry. Kafka: event sourcing pipelines, audit logs, analytics, multi-team event sharing. BullMQ: background job processing (not pub/sub).",
    whenNot: "Kafka for simple notification fan-out (operational overkill). Redis Pub/Sub for anything that must survive subscriber downtime. NATS without JetStream for anything requiring durable replay.",
    source: SEED_SOURCE,
  },
];

/** The first sentence of "What" is the one-line summary: taken from the seed, never written anew. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return match?.[1] ?? text;
}

export const PRINCIPLES: readonly Principle[] = DATA.map((p) => ({ ...p, summary: firstSentence(p.what) }));

const BY_ID = new Map<PrincipleId, Principle>(PRINCIPLES.map((p) => [p.id, p]));

export function getPrinciple(id: PrincipleId): Principle {
  const principle = BY_ID.get(id);
  if (!principle) throw new Error(`Unknown principle: ${id}`);
  return principle;
}

export function isPrincipleId(value: unknown): value is PrincipleId {
  return typeof value === 'string' && BY_ID.has(value as PrincipleId);
}

/** Principles grouped by area, areas in their declared order, principles in seed order. */
export function principlesByArea(): { area: PrincipleArea; principles: Principle[] }[] {
  return PRINCIPLE_AREAS.map((area) => ({ area, principles: PRINCIPLES.filter((p) => p.area === area) })).filter(
    (group) => group.principles.length > 0,
  );
}
