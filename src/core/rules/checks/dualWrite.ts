// outbox-pattern: a function that writes the database and publishes to a broker without an outbox can
// crash between the two, losing the event (write committed) or announcing a change that never happened.
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { targetOf, whereOf } from '../describe';
import { fixFor } from '../fixes';

export const dualWriteRule: Rule = {
  meta: {
    id: 'dual-write',
    title: 'Database write and publish without an outbox',
    principle: 'outbox-pattern',
    defaultSeverity: 'warning',
    description:
      'A function writes persistent state and publishes to a broker, queue or socket in the same path without an outbox table: a crash between the two loses or duplicates the event.',
  },
  evaluate(ctx) {
    return ctx.detections('dual_write').map((d): Finding => {
      const src = ctx.source(d.file, d.service);
      const libraries = ctx.libraries(d.service);
      const verb = d.broker === 'bullmq' ? 'enqueues a job on' : 'publishes to';
      return {
        ruleId: 'dual-write',
        severity: 'warning',
        message: `Writes to the database and ${verb} ${targetOf(d)}${whereOf(d, src)} without an outbox: a crash between the two loses or duplicates the event.`,
        ...ctx.spanOf(d),
        principleId: 'outbox-pattern',
        fixes: [fixFor('outbox-table', libraries), fixFor('outbox-relay', new Set([...libraries, d.library]), { mustPrefer: d.library })],
      };
    });
  },
};
