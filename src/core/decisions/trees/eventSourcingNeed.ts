// "Do I need event sourcing?" — only where temporal questions or replay are real requirements; a history
// table covers most audit needs, and "flexibility" is not a reason.
import { defineTree } from '../types';

export const eventSourcingNeed = defineTree({
  id: 'event-sourcing-need',
  title: 'Do I need event sourcing?',
  description: 'Event sourcing is a specialised tool: check the requirement before paying its overhead.',
  principles: ['event-sourcing-specialized', 'cqrs-level-1-first'],
  root: 'domain',
  nodes: {
    domain: {
      kind: 'question',
      prompt: 'What kind of data is this bounded context about?',
      grounding: {
        principle: 'event-sourcing-specialized',
        quote: 'Financial transactions, healthcare records, compliance domains, AI agent traces, long-running workflows, inter-service event contracts.',
      },
      answers: [
        {
          label: 'Money, health, compliance, agent traces, long-running workflows, inter-service contracts',
          next: 'temporal',
        },
        { label: 'Profiles, catalogs, configuration, sessions', next: 'crud' },
        { label: 'Not sure — we want to stay flexible', next: 'vague' },
      ],
    },
    temporal: {
      kind: 'question',
      prompt: 'Must you answer “what was the state on date X?” or replay events to rebuild derived state?',
      grounding: {
        principle: 'event-sourcing-specialized',
        quote: 'Specifically: when you need to answer "what was the state on date X?" or replay events to rebuild derived state.',
      },
      answers: [
        { label: 'Yes', next: 'eventSourced' },
        { label: 'No, we need an audit trail of changes', next: 'history' },
      ],
    },
    history: {
      kind: 'question',
      prompt: 'Would a history table (`updated_at`, `updated_by`, `previous_value`) meet the audit requirement?',
      grounding: {
        principle: 'event-sourcing-specialized',
        quote: 'any domain where a history table (`updated_at`, `updated_by`, `previous_value`) meets the audit requirement',
      },
      answers: [
        { label: 'Yes', next: 'crud' },
        { label: 'No — auditors need every intent, with full fidelity', next: 'eventSourced' },
      ],
    },
    eventSourced: {
      kind: 'leaf',
      title: 'Event-source this bounded context only',
      recommendation:
        'Event-source this core context and keep the periphery CRUD. Budget for projections, upcasters for schema evolution and materialisation lag.',
      notes: [
        'The event store is the write model and projections the read model (CQRS Level 2).',
        'No outbox needed for the events themselves: the event write is the state change.',
      ],
      principle: 'event-sourcing-specialized',
      grounding: {
        principle: 'event-sourcing-specialized',
        quote: 'Hybrid architectures (event-sourced core + CRUD periphery) are valid and common.',
      },
      scaffoldId: 'event-sourced-aggregate',
      seeAlso: ['cqrs-level'],
    },
    crud: {
      kind: 'leaf',
      title: 'CRUD + history table',
      recommendation: 'Use standard CRUD with a history table (`updated_at`, `updated_by`, `previous_value`).',
      notes: ['Publishing changes to other services? The outbox pattern does that without event sourcing.'],
      principle: 'event-sourcing-specialized',
      grounding: { principle: 'event-sourcing-specialized', quote: 'Use standard CRUD + history tables for everything else.' },
      seeAlso: ['publish-after-write'],
    },
    vague: {
      kind: 'leaf',
      title: 'Don’t use event sourcing',
      recommendation: 'Without a concrete temporal or replay requirement, event sourcing only adds overhead. Start with CRUD.',
      notes: ['Revisit when a real requirement appears; a hybrid can be introduced per bounded context.'],
      principle: 'event-sourcing-specialized',
      grounding: {
        principle: 'event-sourcing-specialized',
        quote: 'If "why event sourcing?" yields only vague answers about "flexibility" — don\'t use it.',
      },
    },
  },
});
