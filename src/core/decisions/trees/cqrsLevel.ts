// "CQRS level 1 or 2?" — separate models first, separate stores only when read and write scaling diverge
// or the write model is an event store.
import { defineTree } from '../types';

export const cqrsLevel = defineTree({
  id: 'cqrs-level',
  title: 'CQRS level 1 or 2?',
  description: 'Separate command and query models first; separate databases only under diverging load.',
  principles: ['cqrs-level-1-first', 'outbox-pattern', 'event-sourcing-specialized'],
  root: 'writeSide',
  nodes: {
    writeSide: {
      kind: 'question',
      prompt: 'Does the write side carry complex domain logic?',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'Level 1: any app with complex write-side domain logic and simple display needs.',
      },
      answers: [
        { label: 'Yes — commands encode business intent', detail: '`BookHotelRoom`, not `SET status = reserved`', next: 'eventStore' },
        { label: 'No — simple CRUD; one ORM model is enough', next: 'noCqrs' },
      ],
    },
    eventStore: {
      kind: 'question',
      prompt: 'Is the write model an event store (event sourcing)?',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'integrating with event sourcing (event store = write model, projections = read model)',
      },
      answers: [
        { label: 'Yes', next: 'level2EventSourced' },
        { label: 'No, a relational or document database', next: 'load' },
      ],
    },
    load: {
      kind: 'question',
      prompt: 'Is the read:write ratio above 10:1, with read and write scaling needs that really diverge?',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'Level 2: read:write ratio >10:1, read and write scaling requirements diverge',
      },
      answers: [
        { label: 'Yes, measured', next: 'level2' },
        { label: 'No, or not yet', next: 'level1' },
      ],
    },
    noCqrs: {
      kind: 'leaf',
      title: 'No CQRS',
      recommendation: 'Keep a single model. CQRS adds ceremony a simple CRUD domain does not repay.',
      notes: [],
      principle: 'cqrs-level-1-first',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'Simple CRUD domains, small teams unfamiliar with the pattern, apps where a single ORM model is sufficient.',
      },
    },
    level1: {
      kind: 'leaf',
      title: 'CQRS Level 1',
      recommendation:
        'Separate command handlers from query handlers over one database. Commands encode business intent; queries return flat DTOs.',
      notes: ['Escalate to Level 2 only when read/write scaling requirements genuinely diverge.'],
      principle: 'cqrs-level-1-first',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'Start with Level 1 CQRS (separate command and query logic, single database).',
      },
      scaffoldId: 'cqrs-level-1',
    },
    level2: {
      kind: 'leaf',
      title: 'CQRS Level 2 with an outbox',
      recommendation:
        'Separate read and write databases with materialised views. Feed the read side from an outbox written in the write transaction.',
      notes: [
        'Expect eventual consistency between the stores; the UI should update optimistically.',
        'Projection consumers must be idempotent.',
      ],
      principle: 'cqrs-level-1-first',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'Escalate to Level 2 (separate read and write databases with materialized views) only when read/write scaling requirements genuinely diverge.',
      },
      scaffoldId: 'outbox-table',
      seeAlso: ['publish-after-write', 'mutation-ui-update'],
    },
    level2EventSourced: {
      kind: 'leaf',
      title: 'CQRS Level 2 over the event store',
      recommendation: 'The event store is the write model; projections build the read model.',
      notes: ['Materialisation lag can make a just-created aggregate 404 on the read side; design the UI for it.'],
      principle: 'cqrs-level-1-first',
      grounding: {
        principle: 'cqrs-level-1-first',
        quote: 'event store = write model, projections = read model',
      },
      scaffoldId: 'event-sourced-aggregate',
      seeAlso: ['event-sourcing-need'],
    },
  },
});
