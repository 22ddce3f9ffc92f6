import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { collectConfigFiles, evaluateRules } from '../../../src/core/rules/index';
import { removeTree, writeTree } from '../analysis/tree';
import { pkg, readFromDisk } from './ruleTree';

const stream = (heartbeat: boolean) => `import express from 'express';
export const app = express();
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
${heartbeat ? "  const timer = setInterval(() => res.write(': ping\\n\\n'), 15_000);\n  req.on('close', () => clearInterval(timer));\n" : ''}  res.write('retry: 3000\\n\\n');
});
`;

describe('rules in a multi-root workspace', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach(removeTree));

  it('reads each detection from the root of its own service when both roots hold the same path', async () => {
    roots.push(writeTree({ 'package.json': pkg('alpha', { express: '4.21.2' }), 'src/stream.ts': stream(true) }, 'ea-rules-alpha-'));
    roots.push(writeTree({ 'package.json': pkg('beta', { express: '4.21.2' }), 'src/stream.ts': stream(false) }, 'ea-rules-beta-'));
    const result = await analyze(roots);
    expect(result.detections.filter((d) => d.kind === 'sse.endpoint').map((d) => d.service).sort()).toEqual(['alpha', 'beta']);
    const findings = evaluateRules(result, readFromDisk, await collectConfigFiles(result.roots));
    expect(findings.map((f) => `${f.ruleId} ${path.basename(f.root ?? '').replace(/-\w+$/, '')} ${f.file}:${f.line}`)).toEqual([
      'sse-no-heartbeat ea-rules-beta src/stream.ts:4',
    ]);
  });
});
