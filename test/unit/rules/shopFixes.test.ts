// What the user ends up with after every quick fix and every scaffold on examples/shop: the core change
// sets are applied to a copy, then the real TypeScript compiler, the real analyzer and rules (and nginx -t
// for the proxy block) judge the result, and undoing the change set must give back the exact tree.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix } from '../../../src/core/fixes/index';
import { applyToDisk, newFolders, type ChangeSet } from '../../../src/core/placement/changes';
import { diskFs } from '../../../src/core/placement/fs';
import { placeScaffold } from '../../../src/core/placement/placeScaffold';
import { layoutOf } from '../../../src/core/placement/project';
import { prefillParameters } from '../../../src/core/scaffolds/fit';
import { rankVariants } from '../../../src/core/scaffolds/plan';
import { SCAFFOLDS } from '../../../src/core/scaffolds/registry';
import type { Finding } from '../../../src/core/rules/types';
import { copyShop, indexShop, removeShop, treeListing, typeErrors } from './shopCopy';

const NOW = new Date('2026-03-04T05:06:07Z');
/** The shop's own two errors (packages it does not install); no fix or scaffold may add one. */
const BASELINE = ["services/email-worker/src/mailer.ts(1,24): error TS2307", "services/notifications/src/index.ts(1,26): error TS2307"];
const errorsOf = (dir: string) => typeErrors(dir).map((l) => l.replace(/: Cannot find module.*$/, ''));
const key = (f: Finding) => `${f.ruleId} ${f.file}`;

/** Applies a set and returns its undo: created files and folders removed, edited files written back. */
function applyWithUndo(set: ChangeSet): () => void {
  const folders = newFolders(set.changes, (d) => fs.existsSync(d));
  applyToDisk(set);
  return () => {
    for (const c of [...set.changes].reverse()) {
      if (c.kind === 'create') fs.rmSync(c.path);
      else fs.writeFileSync(c.path, c.before);
    }
    for (const d of [...folders].reverse()) fs.rmdirSync(d);
  };
}

/** nginx -t on a copy of the config whose upstream host names resolve locally (the syntax is what counts). */
function nginxTest(conf: string): string {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-nginx-'));
  try {
    fs.mkdirSync(path.join(prefix, 'logs'));
    const local = path.join(prefix, 'nginx.conf');
    fs.writeFileSync(local, fs.readFileSync(conf, 'utf8').replace(/server\s+[\w.-]+:(\d+);/g, 'server 127.0.0.1:$1;'));
    return execFileSync('nginx', ['-t', '-p', prefix, '-c', local, '-g', `pid ${prefix}/nginx.pid; error_log ${prefix}/error.log;`], { encoding: 'utf8', stdio: 'pipe' }) + 'ok';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

describe('quick fixes on examples/shop', () => {
  let dir = '';
  beforeAll(() => {
    dir = copyShop();
  });
  afterAll(() => removeShop(dir));

  it('each code fix removes its diagnostic, keeps the build and the nginx config valid, and undoes exactly', async () => {
    const original = treeListing(dir);
    const { findings } = await indexShop(dir);
    const undos: Array<() => void> = [];
    const applied: string[] = [];
    for (const target of findings) {
      const { result, findings: current } = await indexShop(dir);
      const finding = current.find((f) => key(f) === key(target) && f.message === target.message);
      if (!finding) continue; // fixed along with an earlier finding (both publishes of one handler)
      const planned = planFix(finding, { fs: diskFs(), result, now: NOW });
      if (!planned.ok) {
        expect(finding.ruleId, planned.reason).toBe('ws-one-way-push');
        continue;
      }
      const flagged = path.join(dir, finding.file);
      // (a) the flagged file changes only by the fix; every other change is a new file or the manifest.
      for (const c of planned.set.changes) {
        if (c.kind === 'edit') expect([flagged, path.join(dir, 'services/chat/package.json')]).toContain(c.path);
        else expect(c.path.startsWith(path.join(dir, path.dirname(path.dirname(finding.file))))).toBe(true);
      }
      undos.push(applyWithUndo(planned.set));
      applied.push(finding.ruleId);
      // (d) the finding is gone after re-indexing.
      const after = await indexShop(dir);
      // (f) nothing the fix wrote makes the index skip a file.
      expect(after.result.skipped).toEqual(result.skipped);
      expect(after.findings.filter((f) => f.ruleId === finding.ruleId && f.file === finding.file && f.message === finding.message)).toEqual([]);
    }
    expect(applied.sort()).toEqual(['dual-write', 'dual-write', 'socketio-no-adapter', 'sse-no-heartbeat', 'sse-proxy-buffering', 'unguarded-invalidation']);
    const { findings: left } = await indexShop(dir);
    expect(left.map(key)).toEqual(['ws-one-way-push services/live-prices/src/index.ts']);
    // (b) the outbox went into the orders service, its migration after 001_orders.sql.
    expect(fs.existsSync(path.join(dir, 'services/orders/migrations/002_outbox.sql'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'services/orders/src/outbox')).sort()).toEqual(['kafkaPublisher.ts', 'outboxRelay.ts', 'outboxWakeup.ts', 'postgresOutboxStore.ts', 'relayMain.ts', 'runRelay.ts']);
    expect(fs.readFileSync(path.join(dir, 'services/orders/src/outbox/runRelay.ts'), 'utf8')).toContain('KAFKA_TOPICS: readonly string[] = ["orders.cancelled","orders.created"]');
    expect(fs.existsSync(path.join(dir, 'src'))).toBe(false);
    // (c) the shop type-checks as before, and nginx accepts the edited config.
    expect(errorsOf(dir)).toEqual(BASELINE);
    expect(nginxTest(path.join(dir, 'infra/nginx.conf'))).toMatch(/ok$/);
    // (e) undo in reverse order restores every byte and removes every created folder.
    for (const undo of undos.reverse()) undo();
    expect(treeListing(dir)).toEqual(original);
  }, 240_000);
});

/** The file a user would have open when inserting each scaffold into the shop. */
const ANCHORS: Record<string, string> = {
  'outbox-table': 'services/orders/src/routes.ts',
  'outbox-relay': 'services/orders/src/routes.ts',
  'idempotent-consumer': 'services/email-worker/src/worker.ts',
  'cqrs-level-1': 'services/orders/src/routes.ts',
  'event-sourced-aggregate': 'services/orders/src/routes.ts',
  'sse-endpoint': 'services/notifications/src/stream.ts',
  'sse-query-invalidation': 'apps/web/src/realtime/useNotifications.ts',
  'sse-reverse-proxy': 'infra/nginx.conf',
  'socketio-redis-adapter': 'services/chat/src/index.ts',
  'ws-redis-fanout': 'services/live-prices/src/index.ts',
  'optimistic-mutation': 'apps/web/src/hooks/useOrders.ts',
  'trpc-sse-subscription': 'services/orders/src/routes.ts',
};

describe('every scaffold on examples/shop, with the variant its stack selects', () => {
  let dir = '';
  beforeAll(() => {
    dir = copyShop();
  });
  afterAll(() => removeShop(dir));

  it('lands in the anchor service (migrations in its folder, proxy block in nginx.conf), type-checks, indexes, and undoes exactly', async () => {
    const original = treeListing(dir);
    const { result, configs } = await indexShop(dir);
    const undos: Array<() => void> = [];
    const rows: string[] = [];
    expect(Object.keys(ANCHORS).sort()).toEqual(SCAFFOLDS.map((s) => s.id).sort());
    for (const scaffold of SCAFFOLDS) {
      const anchor = path.join(dir, ANCHORS[scaffold.id] ?? '');
      const layout = layoutOf(diskFs(), path.dirname(anchor).includes('infra') ? dir : findRoot(anchor));
      const variant = rankVariants(scaffold, layout.libraries)[0]?.variant;
      if (!variant) throw new Error(scaffold.id);
      const service = Object.entries(result.services).find(([, s]) => path.join(dir, s.root) === layout.root)?.[0];
      const params = { ...Object.fromEntries(scaffold.parameters.map((p) => [p.name, p.default])), ...prefillParameters(scaffold, result, service) };
      const ctx = { fs: diskFs(), workspaceRoot: dir, anchorFile: anchor, proxyConfigs: configs, now: NOW };
      const set = placeScaffold(scaffold, variant, scaffold.generate(variant.id, params), ctx);
      expect(set.changes.length, scaffold.id).toBeGreaterThan(0);
      for (const c of set.changes) {
        const rel = path.relative(dir, c.path);
        rows.push(`${scaffold.id}/${variant.id} ${c.kind} ${rel}`);
        if (c.kind === 'create' && c.language === 'sql') expect(rel.startsWith(path.join(path.relative(dir, layout.root), 'migrations'))).toBe(true);
        if (c.kind === 'create') expect(c.path.startsWith(layout.root)).toBe(true);
        // The only in-place edit: the proxy block inside the nginx config the user had open.
        if (c.kind === 'edit') expect(rel).toBe('infra/nginx.conf');
      }
      undos.push(applyWithUndo(set));
      // A second insertion changes nothing.
      expect(placeScaffold(scaffold, variant, scaffold.generate(variant.id, params), ctx).changes).toEqual([]);
    }
    expect(rows.filter((r) => r.startsWith('outbox-table'))).toEqual(['outbox-table/postgres create services/orders/migrations/002_outbox.sql']);
    expect(rows.filter((r) => r.startsWith('sse-reverse-proxy'))).toEqual(['sse-reverse-proxy/nginx edit infra/nginx.conf']);
    expect(rows.filter((r) => r.startsWith('sse-endpoint'))).toEqual(['sse-endpoint/express create services/notifications/src/realtime/sseRouter.ts']);
    const after = await indexShop(dir);
    expect(after.result.skipped).toEqual(result.skipped);
    expect(errorsOf(dir)).toEqual(BASELINE);
    expect(nginxTest(path.join(dir, 'infra/nginx.conf'))).toMatch(/ok$/);
    for (const undo of undos.reverse()) undo();
    expect(treeListing(dir)).toEqual(original);
  }, 240_000);
});

function findRoot(file: string): string {
  for (let d = path.dirname(file); ; d = path.dirname(d)) if (fs.existsSync(path.join(d, 'package.json'))) return d;
}
