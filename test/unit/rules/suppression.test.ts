import { describe, expect, it } from 'vitest';
import { displaySeverity, evaluateRules, parseSuppressions, isSuppressed } from '../../../src/core/rules/index';
import { analyze } from '../../../src/core/analysis/index';
import { removeTree, writeTree } from '../analysis/tree';
import { brief, pkg, readFromDisk } from './ruleTree';

const DUAL_WRITE = `import { Pool } from 'pg';
import { Kafka } from 'kafkajs';

const pool = new Pool();
const producer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).producer();

export async function issue(id: string): Promise<void> {
  await pool.query('INSERT INTO invoices (id) VALUES ($1)', [id]);
  SUPPRESS
  await producer.send({ topic: 'invoices.issued', messages: [{ value: id }] });
}
`;

async function findingsWith(line: string, header = ''): Promise<string[]> {
  const root = writeTree({
    'package.json': pkg('billing', { pg: '8.13.1', kafkajs: '2.2.4' }),
    'src/invoices.ts': header + DUAL_WRITE.replace('SUPPRESS', line),
  });
  try {
    const result = await analyze([root]);
    return brief(evaluateRules(result, readFromDisk));
  } finally {
    removeTree(root);
  }
}

describe('suppression comments', () => {
  it('the finding is there without a comment', async () => {
    expect(await findingsWith('')).toEqual(['dual-write warning src/invoices.ts:10']);
  });

  it('disable-next-line with the rule id silences it; another rule id does not', async () => {
    expect(await findingsWith('// event-architect-disable-next-line dual-write')).toEqual([]);
    expect(await findingsWith('// event-architect-disable-next-line ws-one-way-push')).toEqual(['dual-write warning src/invoices.ts:10']);
  });

  it('disable for the whole file, with a reason after --, and a bare disable covering every rule', async () => {
    expect(await findingsWith('', '/* event-architect-disable dual-write -- the relay retries */\n')).toEqual([]);
    expect(await findingsWith('', '// event-architect-disable\n')).toEqual([]);
  });

  it('parses several ids, block comments, # comments and disable-line', () => {
    const s = parseSuppressions(`x
// event-architect-disable-next-line dual-write, sse-no-heartbeat
y // event-architect-disable-line ws-one-way-push
# event-architect-disable-next-line sse-proxy-buffering
z`);
    expect(isSuppressed({ ruleId: 'dual-write', line: 3 }, s)).toBe(true);
    expect(isSuppressed({ ruleId: 'sse-no-heartbeat', line: 3 }, s)).toBe(true);
    expect(isSuppressed({ ruleId: 'ws-one-way-push', line: 3 }, s)).toBe(true);
    expect(isSuppressed({ ruleId: 'dual-write', line: 4 }, s)).toBe(false);
    expect(isSuppressed({ ruleId: 'sse-proxy-buffering', line: 5 }, s)).toBe(true);
    expect(s.file).toBeUndefined();
  });

  it('does not take a look-alike word for a directive', () => {
    const s = parseSuppressions('// event-architect-disabled dual-write\nx');
    expect(isSuppressed({ ruleId: 'dual-write', line: 2 }, s)).toBe(false);
    expect(s.file).toBeUndefined();
  });
});

describe('rule levels', () => {
  it('off hides, a level replaces the rule\'s own severity, default and junk keep it', () => {
    expect(displaySeverity('warning', 'off')).toBeUndefined();
    expect(displaySeverity('warning', 'error')).toBe('error');
    expect(displaySeverity('hint', 'warning')).toBe('warning');
    expect(displaySeverity('warning', 'default')).toBe('warning');
    expect(displaySeverity('information', 'loud')).toBe('information');
    expect(displaySeverity('information', undefined)).toBe('information');
  });
});
