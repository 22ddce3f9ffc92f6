// A principle of real-time and event-driven architecture, kept statement for statement from the seed
// document (see catalog.ts and its completeness test).

export const PRINCIPLE_IDS = [
  'sse-default',
  'websocket-pubsub-scaling',
  'event-sourcing-specialized',
  'cqrs-level-1-first',
  'outbox-pattern',
  'optimistic-updates',
  'broker-matching',
] as const;

export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

export const PRINCIPLE_AREAS = ['Real-time transport', 'Event patterns', 'Reliable messaging', 'UI consistency'] as const;
export type PrincipleArea = (typeof PRINCIPLE_AREAS)[number];

export interface PrincipleSource {
  label: string;
  /** The path as the seed gives it (relative to the seed's own folder). */
  href: string;
}

export interface Principle {
  id: PrincipleId;
  title: string;
  area: PrincipleArea;
  /** One line for quick picks and tree descriptions. */
  summary: string;
  what: string;
  why: string;
  when: string;
  whenNot: string;
  source: PrincipleSource;
}
