// "How should this mutation update the UI?" — optimistic by default with the onMutate/onSettled cycle and
// an isMutating guard; blocking only for irreversible or unpredictable results; versioning/CRDTs for
// concurrent editing.
import { defineTree } from '../types';

export const mutationUiUpdate = defineTree({
  id: 'mutation-ui-update',
  title: 'How should this mutation update the UI?',
  description: 'Optimistic update, blocking UI, or conflict handling — and when to add server push.',
  principles: ['optimistic-updates', 'sse-default'],
  root: 'stakes',
  nodes: {
    stakes: {
      kind: 'question',
      prompt: 'Is the operation irreversible and high-stakes?',
      help: 'Payments, legal agreements…',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Use blocking UI (disabled controls + spinner) only for irreversible, high-stakes operations (payments, legal agreements).',
      },
      answers: [
        { label: 'Yes', next: 'blocking' },
        { label: 'No', next: 'predictable' },
      ],
    },
    predictable: {
      kind: 'question',
      prompt: 'Can the client predict what the server will answer?',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Financial transactions where the response value (transaction ID, final amount) cannot be predicted client-side.',
      },
      answers: [
        { label: 'Yes — the new state is known before the server replies', next: 'sharing' },
        { label: 'No — the server assigns ids, totals or final amounts the UI must show', next: 'blocking' },
      ],
    },
    sharing: {
      kind: 'question',
      prompt: 'Who else works on this data?',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Concurrent collaborative editing with conflict potential — use versioning + conflict detection or CRDTs.',
      },
      answers: [
        { label: 'Only this user', next: 'optimistic' },
        { label: 'Several users see it, edits rarely collide', next: 'optimisticPush' },
        { label: 'Several users edit the same thing at the same time', next: 'collaborative' },
      ],
    },
    blocking: {
      kind: 'leaf',
      title: 'Blocking UI',
      recommendation: 'Disable the controls and show a spinner until the server confirms; then show the server’s values.',
      notes: ['Keep this for the few irreversible or unpredictable operations; everything else updates optimistically.'],
      principle: 'optimistic-updates',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Use blocking UI (disabled controls + spinner) only for irreversible, high-stakes operations (payments, legal agreements).',
      },
    },
    optimistic: {
      kind: 'leaf',
      title: 'Optimistic update with an isMutating guard',
      recommendation:
        'In `onMutate` cancel the conflicting queries, snapshot the cache and apply the change; roll back in `onError`; in `onSettled` invalidate only when `queryClient.isMutating()` says this is the last mutation in flight.',
      notes: ['Without the guard, one mutation’s refetch can overwrite another mutation’s optimistic state.'],
      principle: 'optimistic-updates',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'In `onSettled`, gate invalidation with `queryClient.isMutating()` to prevent over-invalidation when concurrent mutations are in-flight.',
      },
      scaffoldId: 'optimistic-mutation',
    },
    optimisticPush: {
      kind: 'leaf',
      title: 'Optimistic update + server-pushed invalidation',
      recommendation:
        'Update optimistically (guarded by `queryClient.isMutating()`), and let the server push invalidations to the other users over SSE; their clients refetch the affected queries.',
      notes: ['The mutation side is the `optimistic-mutation` scaffold; this one is the SSE client that invalidates.'],
      principle: 'optimistic-updates',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Escalate to real-time server push (SSE/WebSocket invalidation) when multiple users share state.',
      },
      scaffoldId: 'sse-query-invalidation',
      seeAlso: ['server-push-transport'],
    },
    collaborative: {
      kind: 'leaf',
      title: 'Versioning + conflict detection, or CRDTs',
      recommendation:
        'Plain optimistic updates lose edits here. Version each document and reject stale writes, or merge with CRDTs.',
      notes: ['Such editing is bidirectional: it usually needs WebSocket rather than SSE.'],
      principle: 'optimistic-updates',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Concurrent collaborative editing with conflict potential — use versioning + conflict detection or CRDTs.',
      },
      seeAlso: ['server-push-transport'],
    },
  },
});
