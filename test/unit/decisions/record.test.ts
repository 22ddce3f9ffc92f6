import { describe, expect, it } from 'vitest';
import { answeredPath, decisionRecord, getDecisionTree, nextRecordNumber, recordFileName } from '../../../src/core/decisions';
import type { DecisionTree, PreAnswers } from '../../../src/core/decisions';

const broker = getDecisionTree('broker-choice') as DecisionTree;

const pre: PreAnswers = {
  purpose: {
    next: 'durability',
    reason: 'Services already exchange messages through a broker.',
    evidence: [{ text: 'Kafka producers in 1 service (`@shop/orders`)', root: '/w', file: 'services/orders/src/routes.ts', line: 59, column: 5 }],
  },
  durability: {
    next: 'throughput',
    reason: 'The messages record state changes.',
    evidence: [{ text: 'Dual write in `routes.ts:59`', root: '/w', file: 'services/orders/src/routes.ts', line: 59, column: 5 }],
  },
  throughput: {
    next: 'opsBudget',
    reason: 'The events already stream through Kafka topics.',
    evidence: [{ text: 'Kafka topics: `orders.created`', root: '/other', file: 'routes.ts', line: 2, column: 1 }],
  },
};

describe('decision record numbering', () => {
  it('numbers after the highest record, adr-tools and MADR names alike', () => {
    expect(nextRecordNumber([])).toBe(1);
    expect(nextRecordNumber(['0001-record-architecture-decisions.md'])).toBe(2);
    expect(nextRecordNumber(['0001-record-architecture-decisions.md', '0007-x.md', 'README.md', 'template.md', '0003-use-madr.md'])).toBe(8);
    // Not records: no four-digit prefix, not Markdown, a folder-like name.
    expect(nextRecordNumber(['12-x.md', '0009-x.txt', 'adr-0010.md'])).toBe(1);
  });

  it('names the file NNNN-slug.md with an ASCII slug', () => {
    expect(recordFileName(1, 'Which broker? Kafka')).toBe('0001-which-broker-kafka.md');
    expect(recordFileName(12, 'Café  “über” ⟨U+202E⟩')).toBe('0012-cafe-uber-u-202e.md');
    expect(recordFileName(3, '???')).toBe('0003-decision.md');
    // Long titles are cut at a word boundary.
    expect(recordFileName(4, 'Which transport for server push? WebSocket with a Redis pub/sub adapter')).toBe(
      '0004-which-transport-for-server-push-websocket-with-a-redis-pub.md',
    );
  });
});

describe('decision record', () => {
  it('writes MADR sections with the answers, who gave them and the evidence linked to the code', () => {
    // The user answered "No ops budget" at the last question: NATS.
    const path = answeredPath(broker, ['purpose', 'durability', 'throughput', 'opsBudget', 'nats'], pre);
    const record = decisionRecord({ tree: broker, path, pre, date: '2026-12-07', recordRoot: '/w', recordDir: 'docs/adr' });
    expect(record?.title).toBe('Which broker? NATS JetStream');
    const md = record?.markdown ?? '';
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Which broker? NATS JetStream',
      '## Context and Problem Statement',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '## More Information',
    ]);
    expect(md).toContain('date: 2026-12-07');
    expect(md).toContain('1. **What will the broker carry?** — Events or messages between processes or services (*from the code*)');
    expect(md).toContain('   - [Dual write in `routes.ts:59`](../../services/orders/src/routes.ts#L59) (`services/orders/src/routes.ts:59`)');
    // Evidence under another root is named, not linked (a relative link would point nowhere).
    expect(md).toContain('   - Kafka topics: `orders.created` (`routes.ts:2`)');
    expect(md).toContain('4. **Can the team carry the operational cost of a Kafka cluster?** — No — we need minimal ops overhead (*our answer*)');
    expect(md).toContain('* NATS JetStream (chosen)');
    expect(md).toContain('* Kafka\n');
    expect(md).toContain('Chosen option: “NATS JetStream”');
    expect(md).toContain('Principle: Real-time & Event-Driven Architecture Principles, section “Match Message Broker to Durability and Throughput Requirements”');
  });

  it('says when the user overrode the code', () => {
    const path = answeredPath(broker, ['purpose', 'durability', 'redis'], pre);
    const md = decisionRecord({ tree: broker, path, pre, date: '2026-12-07', recordRoot: '/w', recordDir: 'docs/adr' })?.markdown ?? '';
    expect(md).toContain(
      '2. **Must a message survive while its subscriber is down?** — No — it is ephemeral (*our answer, overriding the code’s “Yes — it must be durable”*)',
    );
    expect(md).toContain('   The code suggested otherwise: The messages record state changes.');
  });

  it('has nothing to record while a question is open', () => {
    expect(decisionRecord({ tree: broker, path: ['purpose', 'durability', 'throughput'], pre: {}, date: '2026-12-07', recordRoot: '/w', recordDir: 'docs/adr' })).toBeUndefined();
  });
});
