// Pre-answers of "Publish after a database write": dual writes the rule flagged, and how far an outbox
// already goes (table, relay).
import { code, detectionEvidence, detectionsOf, dualWriteBroker, dualWriteText, findingEvidence, findingsOf, take } from './facts';
import type { DecisionFacts, PreAnswer } from './types';

export function publishAfterWritePreAnswers(facts: DecisionFacts): Record<string, PreAnswer> {
  const out: Record<string, PreAnswer> = {};
  const dualWrites = findingsOf(facts, 'dual-write').filter((f) => dualWriteBroker(f) !== undefined);
  const tables = detectionsOf(facts, ['outbox.table']);
  const relays = detectionsOf(facts, ['outbox.relay']);
  if (dualWrites.length > 0 || tables.length > 0) {
    const evidence = take([
      ...dualWrites.map((f) => findingEvidence(facts, f, dualWriteText(f))),
      ...tables.map((d) => detectionEvidence(facts, d, `Outbox table in ${code(d.service)}`)),
    ]);
    out.audience = { next: 'store', reason: 'The events go to a broker, out of the process.', evidence };
    out.store = { next: 'stage', reason: 'The write updates database tables, not an event store.', evidence };
  }
  if (relays.length > 0) {
    out.stage = {
      next: 'idempotent',
      reason: 'A relay already publishes the outbox.',
      evidence: take(relays.map((d) => detectionEvidence(facts, d, `Outbox relay in ${code(d.service)}`))),
    };
  } else if (tables.length > 0) {
    out.stage = {
      next: 'relay',
      reason: 'An outbox table exists, with no relay publishing it.',
      evidence: take(tables.map((d) => detectionEvidence(facts, d, `Outbox table in ${code(d.service)}`))),
    };
  } else if (dualWrites.length > 0) {
    out.stage = {
      next: 'outboxTable',
      reason: 'The code writes the row, then calls the broker, with no outbox.',
      evidence: take(dualWrites.map((f) => findingEvidence(facts, f, dualWriteText(f)))),
    };
  }
  return out;
}
