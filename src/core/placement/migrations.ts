// Where a SQL migration goes and what it is called, following the tool the service already uses:
// Prisma (prisma/migrations/<timestamp>_name/migration.sql), Knex (<timestamp>_name.ts with knex.raw),
// TypeORM (<ms>-Name.ts class), node-pg-migrate (<ms>_name.js with pgm.sql), Drizzle (drizzle/NNNN_name.sql)
// and plain numbered *.sql folders. Without any, a new `migrations/0001_name.sql` beside the service.
import path from 'node:path';
import type { ChangeLanguage } from './changes';
import type { PlacementFs } from './fs';

export type MigrationTool = 'prisma' | 'knex' | 'typeorm' | 'node-pg-migrate' | 'drizzle' | 'sql';

export interface MigrationFolder {
  tool: MigrationTool;
  dir: string;
  /** Existing entry names (files or, for Prisma, folders). */
  entries: string[];
}

const CANDIDATES = ['migrations', 'db/migrations', 'database/migrations', 'src/migrations', 'src/db/migrations', 'sql', 'db'];

export function findMigrationFolder(fsv: PlacementFs, serviceRoot: string, libraries: ReadonlySet<string>): MigrationFolder | undefined {
  const prisma = path.join(serviceRoot, 'prisma', 'migrations');
  const prismaEntries = fsv.list(prisma);
  if (prismaEntries) return { tool: 'prisma', dir: prisma, entries: prismaEntries.filter((e) => e.dir).map((e) => e.name) };
  const drizzle = path.join(serviceRoot, 'drizzle');
  const drizzleEntries = fsv.list(drizzle);
  if (drizzleEntries?.some((e) => e.name.endsWith('.sql'))) return { tool: 'drizzle', dir: drizzle, entries: drizzleEntries.map((e) => e.name) };
  for (const rel of CANDIDATES) {
    const dir = path.join(serviceRoot, rel);
    const list = fsv.list(dir);
    if (!list) continue;
    const names = list.filter((e) => !e.dir).map((e) => e.name);
    const sql = names.filter((n) => n.endsWith('.sql'));
    const code = names.filter((n) => /\.(ts|js|cjs|mjs)$/.test(n));
    if (code.length > 0 && code.length >= sql.length) {
      const tool = codeTool(fsv, dir, code, libraries);
      if (tool) return { tool, dir, entries: code };
    }
    if (sql.length > 0 || (rel === 'migrations' && names.length === 0)) return { tool: 'sql', dir, entries: sql };
  }
  return undefined;
}

function codeTool(fsv: PlacementFs, dir: string, files: readonly string[], libraries: ReadonlySet<string>): MigrationTool | undefined {
  const sample = files.slice(-3).map((f) => fsv.read(path.join(dir, f)) ?? '').join('\n');
  if (/MigrationInterface|QueryRunner/.test(sample) || (libraries.has('typeorm') && /^\d{13}-/.test(files[0] ?? ''))) return 'typeorm';
  if (/\bpgm\b|MigrationBuilder/.test(sample) || libraries.has('node-pg-migrate')) return 'node-pg-migrate';
  if (/\bknex\b|Knex/.test(sample) || libraries.has('knex')) return 'knex';
  return undefined;
}

export interface PlannedMigration {
  path: string;
  content: string;
  language: ChangeLanguage;
}

/**
 * The migration file for `sql` named after `name` (`outbox`). `now` makes names deterministic in tests.
 * Existing numbering wins: `001_orders.sql` → `002_outbox.sql`; timestamps stay timestamps.
 */
export function planMigration(folder: MigrationFolder | undefined, serviceRoot: string, name: string, sql: string, now: Date, typescript: boolean): PlannedMigration {
  if (!folder) return { path: path.join(serviceRoot, 'migrations', `0001_${name}.sql`), content: sql, language: 'sql' };
  const stamp = timestamp(now);
  switch (folder.tool) {
    case 'prisma':
      return { path: path.join(folder.dir, `${stamp}_${name}`, 'migration.sql'), content: sql, language: 'sql' };
    case 'drizzle':
    case 'sql':
      return { path: path.join(folder.dir, `${nextNumber(folder.entries, stamp)}_${name}.sql`), content: sql, language: 'sql' };
    case 'knex': {
      const ext = extOf(folder.entries, typescript);
      return { path: path.join(folder.dir, `${stamp}_${name}.${ext}`), content: knexMigration(sql, ext === 'ts'), language: ext === 'ts' ? 'typescript' : 'javascript' };
    }
    case 'typeorm': {
      const cls = `${pascal(name)}${now.getTime()}`;
      return { path: path.join(folder.dir, `${now.getTime()}-${pascal(name)}.ts`), content: typeormMigration(sql, cls), language: 'typescript' };
    }
    case 'node-pg-migrate': {
      const ext = extOf(folder.entries, typescript);
      return { path: path.join(folder.dir, `${now.getTime()}_${name}.${ext}`), content: pgMigrate(sql, ext === 'ts'), language: ext === 'ts' ? 'typescript' : 'javascript' };
    }
  }
}

/** `001` → `002` (same width); timestamps (≥ 12 digits) → `stamp`; none → `0001`. */
export function nextNumber(entries: readonly string[], stamp: string): string {
  const numbers = entries.map((e) => /^(\d+)[_-]/.exec(e)?.[1]).filter((n): n is string => n !== undefined);
  if (numbers.length === 0) return '0001';
  const widest = numbers.reduce((a, b) => (b.length > a.length ? b : a));
  if (widest.length >= 12) return stamp.length >= widest.length ? stamp : stamp.padEnd(widest.length, '0');
  const max = Math.max(...numbers.map(Number));
  return String(max + 1).padStart(widest.length, '0');
}

function timestamp(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function extOf(entries: readonly string[], typescript: boolean): 'ts' | 'js' {
  const ts = entries.filter((e) => e.endsWith('.ts')).length;
  const js = entries.filter((e) => /\.(js|cjs|mjs)$/.test(e)).length;
  return ts > js || (ts === js && typescript) ? 'ts' : 'js';
}

function pascal(name: string): string {
  return name.replace(/(^|[_-])([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
}

/** SQL inside a JS template literal: backticks, `${` and backslashes escaped. */
function literal(sql: string): string {
  return '`' + sql.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${') + '`';
}

function knexMigration(sql: string, ts: boolean): string {
  const type = ts ? ': Knex' : '';
  return `${ts ? "import type { Knex } from 'knex';\n\n" : ''}const SQL = ${literal(sql)};

export async function up(knex${type}) {
  await knex.raw(SQL);
}

export async function down(knex${type}) {
  await knex.raw('DROP TABLE IF EXISTS outbox');
}
`;
}

function typeormMigration(sql: string, cls: string): string {
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(${literal(sql)});
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS outbox');
  }
}
`;
}

function pgMigrate(sql: string, ts: boolean): string {
  return ts
    ? `import type { MigrationBuilder } from 'node-pg-migrate';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(${literal(sql)});
}
`
    : `exports.up = (pgm) => {
  pgm.sql(${literal(sql)});
};
`;
}
