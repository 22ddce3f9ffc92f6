import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleAliases, frameworkAliases, matchPattern } from '../../../src/core/analysis/runtime/moduleAliases';
import { analyze } from '../../../src/core/analysis/index';
import { removeTree, summarize, writeTree } from './tree';

describe('bare specifiers that point into the workspace', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));

  it('matches tsconfig path patterns', () => {
    expect(matchPattern('@app/*', '@app/events')).toBe('events');
    expect(matchPattern('@acme/contracts', '@acme/contracts')).toBe('');
    expect(matchPattern('@acme/contracts', '@acme/contracts/x')).toBeNull();
    expect(matchPattern('~/*.js', '~/a/b.js')).toBe('a/b');
  });

  it('follows `extends` to the base config and resolves paths against its baseUrl', () => {
    const root = writeTree({
      'tsconfig.base.json': '{ // Nx style\n "compilerOptions": { "baseUrl": ".", "paths": { "@acme/contracts": ["libs/contracts/src/index.ts"], "@acme/*": ["libs/*/src"], }, }, }\n',
      'apps/billing/tsconfig.json': '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "outDir": "dist" } }',
    });
    roots.push(root);
    const aliases = new ModuleAliases([root], () => []);
    const dir = path.join(root, 'apps', 'billing', 'src');
    expect(aliases.candidates(dir, '@acme/contracts')).toContain(path.join(root, 'libs/contracts/src/index.ts'));
    expect(aliases.candidates(dir, '@acme/ledger')).toContain(path.join(root, 'libs/ledger/src'));
    expect(aliases.candidates(dir, './local')).toEqual([]);
    expect(aliases.candidates(dir, 'kafkajs')).toEqual([path.join(root, 'kafkajs')]);
  });

  it('resolves workspace packages by name', () => {
    const root = '/w';
    const aliases = new ModuleAliases([root], () => [['/w/packages/shared/package.json', '@shop/shared']], () => null);
    expect(aliases.candidates('/w/services/orders/src', '@shop/shared/events')).toEqual(['/w/packages/shared/events', '/w/packages/shared/src/events']);
    expect(aliases.candidates('/w/services/orders/src', '@shop/shared')).toEqual(['/w/packages/shared/src/index', '/w/packages/shared']);
    expect(aliases.candidates('/w/services/orders/src', '@shop/sharedx')).toEqual([]);
  });

  it('resolves a topic constant imported through a path alias', async () => {
    const root = writeTree({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@acme/contracts': ['libs/contracts/src/index.ts'] } } }),
      'libs/contracts/src/index.ts': "export const INVOICE_ISSUED = 'billing.invoice.issued';\n",
      'apps/billing/package.json': JSON.stringify({ name: 'billing', dependencies: { kafkajs: '2.2.4' } }),
      'apps/billing/src/invoices.ts': `import { Kafka } from 'kafkajs';
import { INVOICE_ISSUED } from '@acme/contracts';

const producer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).producer();

export async function issue(id: string): Promise<void> {
  await producer.send({ topic: INVOICE_ISSUED, messages: [{ key: id, value: id }] });
}
`,
    });
    roots.push(root);
    const r = await analyze([root]);
    expect(summarize(r, ['kafka.produce'])).toEqual(['apps/billing/src/invoices.ts:7 kafka.produce billing.invoice.issued']);
  });

  it('knows the aliases frameworks define without tsconfig paths', () => {
    const kit = JSON.stringify({ devDependencies: { '@sveltejs/kit': '2.5.18' } });
    const remix = JSON.stringify({ dependencies: { '@remix-run/node': '2.10.3' } });
    const nuxt = JSON.stringify({ dependencies: { nuxt: '3.12.4' } });
    const aliases = new ModuleAliases(['/w'], () => [], (file) => ({ '/w/polls/package.json': kit, '/w/inbox/package.json': remix, '/w/desk/package.json': nuxt })[file] ?? null);
    expect(aliases.candidates('/w/polls/src/routes/x', '$lib/server/redis')).toContain('/w/polls/src/lib/server/redis');
    expect(aliases.candidates('/w/inbox/app/routes', '~/lib/bus.server')).toContain('/w/inbox/app/lib/bus.server');
    expect(aliases.candidates('/w/desk/server/api', '~/server/utils/mq')).toContain('/w/desk/server/utils/mq');
    expect(aliases.candidates('/w/inbox/app/routes', '$lib/x')).toEqual([]);
    expect(frameworkAliases('/w', '{ not json')).toEqual([]);
  });
});
