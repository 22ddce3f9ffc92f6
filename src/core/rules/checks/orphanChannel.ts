// broker-matching: a channel published and never consumed (or consumed and never published) in a
// workspace that holds both sides of that broker is usually a typo, a renamed topic or dead code. The
// flows already pair wildcards and AMQP bindings, so a pattern subscription counts as a consumer.
import type { Broker, Detection } from '../../analysis/types';
import type { Span } from '../context';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { targetOf } from '../describe';

/**
 * Back-end brokers only: a socket.io or SSE server's other side is often a browser app in another
 * repository, and an in-process emitter's listener is often a library's.
 */
const BROKERS = new Set<Broker>(['kafka', 'nats', 'amqp', 'redis', 'redis-stream', 'bullmq']);

export const orphanChannelRule: Rule = {
  meta: {
    id: 'orphan-channel',
    title: 'Channel with only one side in the workspace',
    principle: 'broker-matching',
    defaultSeverity: 'information',
    description:
      'A topic, subject, queue or channel that is published but never consumed (or consumed but never published) anywhere in the workspace, although the workspace has both producers and consumers on that broker: often a typo or a renamed channel. Wildcard subscriptions and AMQP bindings count.',
  },
  evaluate(ctx) {
    const byId = new Map(ctx.result.detections.map((d) => [d.id, d]));
    const sides = new Map<Broker, { producers: number; consumers: number }>();
    for (const f of ctx.result.flows) {
      const s = sides.get(f.broker) ?? { producers: 0, consumers: 0 };
      s.producers += f.producers.length;
      s.consumers += f.consumers.length;
      sides.set(f.broker, s);
    }
    // Detections that meet the other side in some flow, collected once: asking every flow for every
    // lonely detection is quadratic in flows on a large workspace.
    const matched = new Set<string>();
    for (const f of ctx.result.flows) {
      if (f.consumers.length > 0) for (const id of f.producers) matched.add(id);
      if (f.producers.length > 0) for (const id of f.consumers) matched.add(id);
    }
    const findings: Finding[] = [];
    for (const flow of ctx.result.flows) {
      const both = sides.get(flow.broker);
      if (!BROKERS.has(flow.broker) || !both || both.producers === 0 || both.consumers === 0) continue;
      const lonely = flow.consumers.length === 0 ? flow.producers : flow.producers.length === 0 ? flow.consumers : [];
      for (const id of lonely) {
        const d = byId.get(id);
        // A pattern *producer* (`orders.${kind}`) stands for channels we cannot enumerate: no claim.
        if (!d || d.channel === null || (d.channelIsPattern && flow.consumers.length === 0)) continue;
        // A detection in several flows is lonely only if every one of its flows lacks the other side.
        if (matched.has(id)) continue;
        findings.push(finding(ctx.spanOf(d), d, flow.consumers.length === 0));
      }
    }
    return findings;
  },
};

function finding(span: Span, d: Detection, noConsumer: boolean): Finding {
  const message = noConsumer
    ? `Nothing in this workspace consumes ${targetOf(d)} (published in \`${d.service}\`): check the name, or the consumer lives elsewhere.`
    : `Nothing in this workspace publishes to ${targetOf(d)} (consumed in \`${d.service}\`): check the name, or the producer lives elsewhere.`;
  return { ruleId: 'orphan-channel', severity: 'information', message, ...span, principleId: 'broker-matching', fixes: [] };
}
