import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeImports, restyle, styleOf } from '../../../src/core/placement/codeStyle';
import { applyToDisk, minimalEdit, newFolders } from '../../../src/core/placement/changes';
import { diskFs } from '../../../src/core/placement/fs';
import { findMigrationFolder, nextNumber, planMigration } from '../../../src/core/placement/migrations';
import { placeScaffold, type PlacementContext } from '../../../src/core/placement/placeScaffold';
import { layoutOf, serviceRootOf } from '../../../src/core/placement/project';
import { rankScaffolds, relevantParameters } from '../../../src/core/scaffolds/fit';
import { resolveParams } from '../../../src/core/scaffolds/params';
import { validateParameter } from '../../../src/core/scaffolds/plan';
import { getScaffold } from '../../../src/core/scaffolds/registry';
import type { Scaffold } from '../../../src/core/scaffolds/types';
import { removeTree, writeTree } from '../analysis/tree';

const NOW = new Date('2026-03-04T05:06:07.008Z');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach(removeTree));

function tree(files: Record<string, string>): string {
  const root = writeTree(files, 'ea-place-');
  roots.push(root);
  return root;
}

const pkg = (name: string, deps: Record<string, string> = {}) => JSON.stringify({ name, dependencies: deps });

function place(root: string, anchor: string, scaffoldId: string, variantId: string, params: Record<string, string> = {}, proxyConfigs?: string[]) {
  const scaffold = getScaffold(scaffoldId) as Scaffold;
  const variant = scaffold.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(variantId);
  const values = Object.fromEntries(scaffold.parameters.map((p) => [p.name, params[p.name] ?? p.default]));
  const ctx: PlacementContext = { fs: diskFs(), workspaceRoot: root, anchorFile: path.join(root, anchor), now: NOW, ...(proxyConfigs ? { proxyConfigs: proxyConfigs.map((p) => path.join(root, p)) } : {}) };
  return placeScaffold(scaffold, variant, scaffold.generate(variantId, values), ctx);
}

const rel = (root: string, p: string) => path.relative(root, p).split(path.sep).join('/');

describe('service and layout', () => {
  it('finds the nearest package.json of the file, never above the workspace folder', () => {
    const root = tree({ 'package.json': pkg('mono'), 'services/orders/package.json': pkg('orders', { pg: '8' }), 'services/orders/src/http/routes.ts': '' });
    expect(rel(root, serviceRootOf(diskFs(), path.join(root, 'services/orders/src/http/routes.ts'), root))).toBe('services/orders');
    expect(serviceRootOf(diskFs(), path.join(root, 'loose.ts'), root)).toBe(root);
    expect(serviceRootOf(diskFs(), path.join(path.dirname(root), 'elsewhere/x.ts'), root)).toBe(root);
    const layout = layoutOf(diskFs(), path.join(root, 'services/orders'));
    expect(rel(root, layout.sourceDir)).toBe('services/orders/src');
    expect([...layout.libraries]).toEqual(['pg']);
  });

  it('names modules and imports like the service: kebab-case and `.js` specifiers', () => {
    const root = tree({
      'package.json': pkg('api', { pg: '8', kafkajs: '2' }),
      'src/order-routes.ts': "import { db } from './db-client.js';\nexport const r = db;\n",
      'src/db-client.ts': 'export const db = 1;\n',
    });
    const placed = place(root, 'src/order-routes.ts', 'outbox-relay', 'postgres-kafka');
    const paths = placed.changes.map((c) => rel(root, c.path));
    expect(paths).toContain('src/outbox/outbox-relay.ts');
    expect(paths).toContain('src/outbox/run-relay.ts');
    const runner = placed.changes.find((c) => c.path.endsWith('run-relay.ts'));
    expect(runner?.kind === 'create' && runner.content).toContain("from './outbox-relay.js'");
    expect(runner?.kind === 'create' && runner.content).toContain("from './kafka-publisher.js'");
  });

  it('puts modules in the flagged service, not the workspace root, and never clashes with a file of the user', () => {
    const root = tree({
      'package.json': pkg('mono'),
      'services/notify/package.json': pkg('notify', { express: '5' }),
      'services/notify/src/stream.ts': "import express from 'express'\n",
      'services/notify/src/realtime/sseRouter.ts': '// the user\'s own router\n',
    });
    const placed = place(root, 'services/notify/src/stream.ts', 'sse-endpoint', 'express');
    expect(placed.changes.map((c) => `${c.kind} ${rel(root, c.path)}`)).toEqual(['create services/notify/src/realtime/sseRouter2.ts']);
    // Bare specifiers in the service: none of the generated modules import each other, content stays valid.
    applyToDisk(placed);
    const again = place(root, 'services/notify/src/stream.ts', 'sse-endpoint', 'express');
    expect(again.changes).toEqual([]);
  });
});

describe('migrations', () => {
  it('continues a numbered SQL folder: 001_orders.sql → 002_outbox.sql', () => {
    const root = tree({ 'package.json': pkg('orders', { pg: '8' }), 'migrations/001_orders.sql': 'CREATE TABLE orders (id int);\n', 'src/routes.ts': '' });
    const placed = place(root, 'src/routes.ts', 'outbox-table', 'postgres');
    expect(placed.changes.map((c) => rel(root, c.path))).toEqual(['migrations/002_outbox.sql']);
    applyToDisk(placed);
    expect(place(root, 'src/routes.ts', 'outbox-table', 'postgres').changes).toEqual([]);
  });

  it('creates migrations/0001_outbox.sql beside the service when it has no migrations', () => {
    const root = tree({ 'package.json': pkg('mono'), 'svc/package.json': pkg('svc', { pg: '8' }), 'svc/src/a.ts': '' });
    expect(place(root, 'svc/src/a.ts', 'outbox-table', 'postgres').changes.map((c) => rel(root, c.path))).toEqual(['svc/migrations/0001_outbox.sql']);
  });

  it('follows Prisma, Drizzle, Knex, TypeORM and node-pg-migrate', () => {
    const prisma = tree({ 'package.json': pkg('p', { '@prisma/client': '6' }), 'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE a (id int);' });
    const pf = findMigrationFolder(diskFs(), prisma, new Set());
    expect(pf?.tool).toBe('prisma');
    expect(rel(prisma, planMigration(pf, prisma, 'outbox', 'SQL', NOW, true).path)).toBe('prisma/migrations/20260304050607_outbox/migration.sql');

    const drizzle = tree({ 'package.json': pkg('d', { 'drizzle-orm': '0.45' }), 'drizzle/0000_init.sql': '', 'drizzle/0001_users.sql': '' });
    const df = findMigrationFolder(diskFs(), drizzle, new Set());
    expect(rel(drizzle, planMigration(df, drizzle, 'outbox', 'SQL', NOW, true).path)).toBe('drizzle/0002_outbox.sql');

    const knex = tree({ 'package.json': pkg('k', { knex: '3' }), 'migrations/20240101000000_init.ts': "import type { Knex } from 'knex';\nexport async function up(knex: Knex) {}\n" });
    const kf = findMigrationFolder(diskFs(), knex, new Set(['knex']));
    const km = planMigration(kf, knex, 'outbox', 'CREATE TABLE outbox (id int);', NOW, true);
    expect(kf?.tool).toBe('knex');
    expect(rel(knex, km.path)).toBe('migrations/20260304050607_outbox.ts');
    expect(km.content).toContain('await knex.raw(SQL)');

    const typeorm = tree({ 'package.json': pkg('t', { typeorm: '0.3' }), 'src/migrations/1700000000000-Init.ts': "import { MigrationInterface, QueryRunner } from 'typeorm';\n" });
    const tf = findMigrationFolder(diskFs(), typeorm, new Set(['typeorm']));
    const tm = planMigration(tf, typeorm, 'outbox', 'SQL', NOW, true);
    expect(rel(typeorm, tm.path)).toBe(`src/migrations/${NOW.getTime()}-Outbox.ts`);
    expect(tm.content).toContain(`export class Outbox${NOW.getTime()} implements MigrationInterface`);

    const pgm = tree({ 'package.json': pkg('n', { 'node-pg-migrate': '7' }), 'migrations/1700000000000_init.js': 'exports.up = (pgm) => {};\n' });
    const nf = findMigrationFolder(diskFs(), pgm, new Set(['node-pg-migrate']));
    const nm = planMigration(nf, pgm, 'outbox', 'SELECT `x` ${y}', NOW, false);
    expect(rel(pgm, nm.path)).toBe(`migrations/${NOW.getTime()}_outbox.js`);
    expect(nm.content).toContain('pgm.sql(`SELECT \\`x\\` \\${y}`)');
  });

  it('numbers keep their width and timestamps stay timestamps', () => {
    expect(nextNumber(['001_a.sql', '009_b.sql'], '20260304050607')).toBe('010');
    expect(nextNumber(['0001_a.sql'], '20260304050607')).toBe('0002');
    expect(nextNumber(['20240101000000_a.sql'], '20260304050607')).toBe('20260304050607');
    expect(nextNumber([], '20260304050607')).toBe('0001');
  });

  it('appends a Prisma model to schema.prisma and puts a Drizzle table beside the schema', () => {
    const root = tree({ 'package.json': pkg('p', { '@prisma/client': '6' }), 'prisma/schema.prisma': 'model User {\n  id Int @id\n}\n', 'src/a.ts': '' });
    const placed = place(root, 'src/a.ts', 'outbox-table', 'prisma');
    expect(placed.changes).toHaveLength(1);
    const change = placed.changes[0];
    expect(change?.kind).toBe('edit');
    expect(change?.kind === 'edit' && change.after.startsWith('model User {\n  id Int @id\n}\n\n')).toBe(true);
    expect(change?.kind === 'edit' && change.after).toContain('model OutboxEvent');

    const d = tree({ 'package.json': pkg('d', { 'drizzle-orm': '0.45' }), 'src/data/tables.ts': "import { pgTable } from 'drizzle-orm/pg-core';\n", 'src/a.ts': '' });
    expect(place(d, 'src/a.ts', 'outbox-table', 'drizzle').changes.map((c) => rel(d, c.path))).toEqual(['src/data/outboxSchema.ts']);
  });
});

describe('proxy blocks', () => {
  it('inserts the NGINX location inside the server block, indented like it, once', () => {
    const conf = 'events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n      proxy_pass http://app;\n    }\n  }\n}\n';
    const root = tree({ 'package.json': pkg('shop'), 'infra/nginx.conf': conf, 'src/a.ts': '' });
    const placed = place(root, 'src/a.ts', 'sse-reverse-proxy', 'nginx', { route: '/api/stream' }, ['infra/nginx.conf']);
    const change = placed.changes[0];
    expect(change?.kind === 'edit' && change.after).toContain('    location /api/stream {\n        proxy_pass http://127.0.0.1:3000;');
    expect(change?.kind === 'edit' && change.after.endsWith('    proxy_send_timeout 1h;\n    }\n  }\n}\n')).toBe(true);
    applyToDisk(placed);
    expect(place(root, 'src/a.ts', 'sse-reverse-proxy', 'nginx', { route: '/api/stream' }, ['infra/nginx.conf']).changes).toEqual([]);
  });

  it('inserts the Caddy handle inside the site block, not the global options', () => {
    const root = tree({ 'package.json': pkg('shop'), Caddyfile: '{\n\tadmin off\n}\n\nexample.com {\n\treverse_proxy app:3000\n}\n' });
    const placed = place(root, 'Caddyfile', 'sse-reverse-proxy', 'caddy', {}, ['Caddyfile']);
    const change = placed.changes[0];
    expect(change?.kind === 'edit' && change.after).toMatch(/example\.com \{\n\treverse_proxy app:3000\n[\s\S]*\t@sse path \/events[\s\S]*\n\t}\n}\n$/);
  });
});

describe('code style and imports', () => {
  it('reads and applies indentation, quotes and semicolons', () => {
    const style = styleOf('import x from "y"\nfunction f() {\n\tconst a = "b"\n\treturn a\n}\n');
    expect(style).toMatchObject({ indent: '\t', quote: '"', semicolons: false });
    expect(restyle("function g() {\n  return 'x';\n}\n", style)).toBe('function g() {\n\treturn "x"\n}\n');
  });

  it('merges a named import into an existing one or adds a line after the last import', () => {
    const style = styleOf("import { a } from './m';\nimport z from 'z';\n\nconst q = 1;\n");
    expect(mergeImports("import { a } from './m';\nimport z from 'z';\n\nconst q = 1;\n", [{ spec: './m', names: ['a', 'b'] }, { spec: './n', names: ['c'] }], style)).toBe(
      "import { a, b } from './m';\nimport z from 'z';\nimport { c } from './n';\n\nconst q = 1;\n",
    );
  });

  it('computes the smallest edit and the folders a change set creates', () => {
    expect(minimalEdit('abcXdef', 'abcYYdef')).toEqual({ start: 3, end: 4, text: 'YY' });
    expect(newFolders([{ kind: 'create', path: '/w/s/src/outbox/a.ts', content: '', language: 'typescript' }], (d) => d === '/w/s' || d === '/w' || d === '/')).toEqual(['/w/s/src', '/w/s/src/outbox']);
  });
});

describe('fitting the scaffold', () => {
  it('does not ask for the Prisma model name when the PostgreSQL migration is chosen', () => {
    const table = getScaffold('outbox-table') as Scaffold;
    expect(relevantParameters(table, 'postgres').map((p) => p.name)).toEqual(['table', 'notifyChannel']);
    expect(relevantParameters(table, 'prisma').map((p) => p.name)).toContain('model');
    expect(relevantParameters(table, 'mysql').map((p) => p.name)).toEqual(['table']);
  });

  it('ranks titles first: "SSE" → SSE endpoint', () => {
    expect(rankScaffolds('SSE')[0]?.scaffold.id).toBe('sse-endpoint');
    expect(rankScaffolds('sse p')[0]?.scaffold.id).toBe('sse-reverse-proxy');
    expect(rankScaffolds('outbox').slice(0, 2).map((r) => r.scaffold.id)).toEqual(['outbox-table', 'outbox-relay']);
  });

  it('refuses a reserved SQL word as a table name with a message', () => {
    const table = getScaffold('outbox-table') as Scaffold;
    expect(() => table.generate('postgres', { table: 'order' })).toThrow(/"order" is a reserved SQL word/);
    const parameter = table.parameters.find((p) => p.name === 'table');
    expect(parameter && validateParameter(parameter, 'user')).toMatch(/reserved SQL word/);
    expect(parameter && validateParameter(parameter, 'orders')).toBeUndefined();
    for (const id of ['idempotent-consumer', 'cqrs-level-1', 'event-sourced-aggregate']) {
      const s = getScaffold(id) as Scaffold;
      expect(() => resolveParams(s.parameters, { table: 'select' })).toThrow(/reserved SQL word/);
    }
  });
});

describe('proxy block for a route nginx proxies already', () => {
  it('adds the missing directives to that location instead of a second one', () => {
    const conf = 'http {\n  server {\n    location /api/stream {\n      proxy_pass http://app;\n      proxy_http_version 1.1;\n    }\n  }\n}\n';
    const root = tree({ 'package.json': pkg('shop'), 'nginx.conf': conf });
    const placed = place(root, 'nginx.conf', 'sse-reverse-proxy', 'nginx', { route: '/api/stream' }, ['nginx.conf']);
    const change = placed.changes[0];
    const after = change?.kind === 'edit' ? change.after : '';
    expect(after.match(/location/g)).toHaveLength(1);
    expect(after).toContain('      proxy_http_version 1.1;\n      proxy_set_header Connection "";');
    expect(after).toContain('      proxy_buffering off;\n');
    expect(after.match(/proxy_http_version/g)).toHaveLength(1);
  });
});
