import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { collectConfigFiles, evaluateRules } from '../../../src/core/rules/index';
import { answeredPath, answeredSteps, decisionFlowchart, getDecisionTree, preAnswerTree } from '../../../src/core/decisions';
import type { DecisionFacts, DecisionTree } from '../../../src/core/decisions';
import { readFromDisk } from '../rules/ruleTree';

const shop = path.resolve(__dirname, '../../../examples/shop');

function tree(id: string): DecisionTree {
  const t = getDecisionTree(id);
  if (!t) throw new Error(`tree ${id} missing`);
  return t;
}

/** `text @ file:line` of each evidence, the way a reader checks it against the code. */
function evidenceOf(facts: DecisionFacts, treeId: string, key: string): string[] {
  const answer = preAnswerTree(tree(treeId), facts)[key];
  return (answer?.evidence ?? []).map((e) => `${e.text} @ ${e.file}:${e.line}`);
}

describe('pre-answers on examples/shop', () => {
  let facts: DecisionFacts;
  beforeAll(async () => {
    const result = await analyze([shop]);
    const configs = await collectConfigFiles(result.roots);
    facts = { result, findings: evaluateRules(result, readFromDisk, configs), configFiles: configs };
  }, 120_000);

  it('walk the broker tree to Kafka from the code, each step with its evidence', () => {
    const broker = tree('broker-choice');
    const pre = preAnswerTree(broker, facts);
    expect(answeredPath(broker, [], pre)).toEqual(['purpose', 'durability', 'throughput', 'opsBudget', 'kafka']);
    expect(evidenceOf(facts, 'broker-choice', 'purpose')).toEqual([
      'Kafka producers in 1 service (`@shop/orders`) @ services/orders/src/routes.ts:59',
      'Kafka consumers in 1 service (`@shop/notifications`) @ services/notifications/src/index.ts:24',
      'NATS producers in 1 service (`@shop/notifications`) @ services/notifications/src/index.ts:34',
    ]);
    expect(pre.purpose?.caveat).toMatch(/BullMQ carries background jobs/);
    // The BullMQ dual write is a job, not a message the broker decision is about.
    expect(evidenceOf(facts, 'broker-choice', 'durability')).toEqual([
      'Dual write in `routes.ts:59`: database write, then Kafka topic `orders.created` @ services/orders/src/routes.ts:59',
      'Dual write in `routes.ts:84`: database write, then Kafka topic `orders.cancelled` @ services/orders/src/routes.ts:84',
    ]);
  });

  it('walk the transport tree to SSE behind NGINX, citing the buffering proxy', () => {
    const transport = tree('server-push-transport');
    const pre = preAnswerTree(transport, facts);
    expect(answeredPath(transport, [], pre)).toEqual(['shared', 'direction', 'stack', 'proxy', 'sseNginx']);
    expect(evidenceOf(facts, 'server-push-transport', 'proxy')).toEqual([
      '`nginx.conf` proxies `/api/notifications/stream` without `proxy_buffering off` @ infra/nginx.conf:33',
    ]);
    expect(evidenceOf(facts, 'server-push-transport', 'direction')).toEqual([
      'SSE endpoint `/api/notifications/stream` in `@shop/notifications` @ services/notifications/src/stream.ts:13',
      'WebSocket server in `@shop/live-prices` only sends to clients @ services/live-prices/src/index.ts:4',
    ]);
    expect(pre.direction?.caveat).toMatch(/Two-way WebSocket traffic too: 1 service \(`@shop\/chat`\)/);
  });

  it('follow the user past an overridden pre-answer, then resume pre-answering', () => {
    const transport = tree('server-push-transport');
    const pre = preAnswerTree(transport, facts);
    // "Both ways" instead of the code's "Server → client": the PM2 cluster and socket.io answer the rest.
    const path = answeredPath(transport, ['shared', 'direction', 'instances'], pre);
    expect(path).toEqual(['shared', 'direction', 'instances', 'wsLibrary', 'wsAdapter']);
    expect(evidenceOf(facts, 'server-push-transport', 'instances')).toEqual([
      '`ecosystem.config.cjs`: runs several instances: PM2 `instances: 4` @ services/chat/ecosystem.config.cjs:6',
    ]);
    const steps = answeredSteps(transport, path, pre);
    expect(steps.map((s) => s.source ?? '-')).toEqual(['code', 'override', 'code', 'code', '-']);
  });

  it('draw the whole tree with the walked branch highlighted', () => {
    const transport = tree('server-push-transport');
    const pre = preAnswerTree(transport, facts);
    const text = decisionFlowchart(transport, answeredPath(transport, [], pre), pre);
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).toContain('  class q_proxy eaChosen');
    expect(text).toContain('  class q_sseNginx eaCurrent');
    expect(text).not.toContain('class q_wsAdapter');
    // Four edges on the path, the one out of `proxy` to NGINX marked as the code's answer.
    expect(/linkStyle ([\d,]+) /.exec(text)?.[1]?.split(',')).toHaveLength(4);
    expect(text).toContain('q_proxy -->|"#10003; NGINX"| q_sseNginx');
  });
});

describe('pre-answers without evidence', () => {
  const empty: DecisionFacts = { result: { roots: ['/w'], detections: [], flows: [] }, findings: [] };

  it('leave every question to the user when the index found nothing', () => {
    for (const id of ['server-push-transport', 'broker-choice', 'publish-after-write', 'cqrs-level']) {
      expect(preAnswerTree(tree(id), empty)).toEqual({});
      expect(answeredPath(tree(id), [], {})).toEqual([tree(id).root]);
    }
  });

  it('show hostile names visibly, never as markup or reversed text', () => {
    const facts: DecisionFacts = {
      result: {
        roots: ['/w'],
        flows: [],
        detections: [
          {
            id: 'a', kind: 'sse.endpoint', library: 'express', broker: 'sse', role: 'server', channel: '/gnp\u202E.exe`<img>',
            channelIsPattern: false, file: 'a.ts', root: 0, enclosingFunction: null, service: 'svc', snippet: '',
            line: 3, column: 1, endLine: 3, endColumn: 2,
          },
        ],
      },
      findings: [],
    };
    const text = preAnswerTree(tree('server-push-transport'), facts).shared?.evidence[0]?.text;
    expect(text).toBe('SSE endpoint `/gnp⟨U+202E⟩.exeʼ<img>` in `svc`');
  });
});
