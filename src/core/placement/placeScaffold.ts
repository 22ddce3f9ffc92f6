// Placement by kind of content: a scaffold's files never land "at the cursor of whatever is open".
//   modules (relay, consumer, SSE endpoint…)  new files in the service's source folder, its naming
//   SQL                                         the service's migrations folder, its tool and numbering
//   Prisma model                                appended to the service's schema.prisma
//   Drizzle table                               next to the existing Drizzle schema
//   NGINX / Caddy block                         inside the server / site block of the workspace's config
import path from 'node:path';
import { containsGenerated } from '../scaffolds/plan';
import type { Scaffold, ScaffoldFile, ScaffoldOutput, ScaffoldVariant } from '../scaffolds/types';
import type { Change, ChangeSet } from './changes';
import { exists, type PlacementFs } from './fs';
import { findMigrationFolder, planMigration } from './migrations';
import { freeName, layoutOf, nameIn, serviceRootOf, type ServiceLayout } from './project';
import { insertIntoCaddySite, insertIntoNginxServer } from './proxyConfig';

export interface PlacementContext {
  fs: PlacementFs;
  /** The workspace folder (absolute) holding the anchor. */
  workspaceRoot: string;
  /** The file the scaffold is for (the flagged file, or the active editor's file); decides the service. */
  anchorFile?: string;
  /** Absolute paths of NGINX configs and Caddyfiles in the workspace. */
  proxyConfigs?: readonly string[];
  now: Date;
}

export interface PlacedScaffold extends ChangeSet {
  /** The service folder the files went to. */
  serviceRoot: string;
}

export function serviceLayoutFor(ctx: PlacementContext): ServiceLayout {
  const root = ctx.anchorFile ? serviceRootOf(ctx.fs, ctx.anchorFile, ctx.workspaceRoot) : ctx.workspaceRoot;
  return layoutOf(ctx.fs, root);
}

export function placeScaffold(scaffold: Scaffold, variant: ScaffoldVariant, output: ScaffoldOutput, ctx: PlacementContext): PlacedScaffold {
  const layout = serviceLayoutFor(ctx);
  const changes: Change[] = [];
  const notes = [...output.notes];
  const modules = output.files.filter((f) => f.language === 'typescript' || f.language === 'typescriptreact');
  const renames = moduleTargets(modules, layout, variant, ctx);
  for (const file of output.files) {
    const change = placeFile(file, layout, ctx, renames, notes);
    if (change) changes.push(change);
  }
  const first = changes[0];
  return {
    title: `${scaffold.title} (${variant.label})`,
    changes,
    notes,
    serviceRoot: layout.root,
    ...(first ? { focus: { path: first.path, line: focusLine(first) } } : {}),
  };
}

function focusLine(change: Change): number {
  if (change.kind === 'create') return 1;
  let i = 0;
  while (i < change.before.length && change.before[i] === change.after[i]) i++;
  return change.before.slice(0, i).split('\n').length;
}

/** Absolute target of every generated module, in the service's naming, clear of existing files. */
function moduleTargets(modules: readonly ScaffoldFile[], layout: ServiceLayout, variant: ScaffoldVariant, ctx: PlacementContext): Map<string, string> {
  const targets = new Map<string, string>();
  // Framework-owned names (Next.js `app/…/route.ts`, NestJS `*.controller.ts`) keep their shape.
  const keepNames = variant.id === 'nextjs' || variant.id === 'nestjs';
  const taken = new Set<string>();
  for (const file of modules) {
    const rel = file.path.startsWith('src/') ? file.path.slice(4) : file.path;
    const base = file.path.startsWith('src/') ? layout.sourceDir : file.path.startsWith('app/') && ctx.fs.list(path.join(layout.root, 'src', 'app')) ? path.join(layout.root, 'src') : layout.root;
    const dir = path.dirname(rel);
    const ext = path.extname(rel);
    const stem = path.basename(rel, ext);
    const named = keepNames ? stem : nameIn(layout.naming, stem);
    // A name held by other content moves on to `name2`, `name3`… unless one of those already holds this
    // very file (inserted before): then that one is reused and nothing changes.
    const wanted = path.join(base, dir === '.' ? '' : dir, `${named}${ext}`);
    const ours = (p: string): boolean => {
      const current = ctx.fs.read(p);
      return current !== undefined && containsGenerated(withoutRelativeSpecifiers(current), withoutRelativeSpecifiers(file.content));
    };
    const target = freeName((p) => taken.has(p) || (exists(ctx.fs, p) && !ours(p)), wanted);
    taken.add(target);
    targets.set(file.path, target);
  }
  return targets;
}

function placeFile(file: ScaffoldFile, layout: ServiceLayout, ctx: PlacementContext, targets: Map<string, string>, notes: string[]): Change | undefined {
  switch (file.language) {
    case 'sql': {
      const folder = findMigrationFolder(ctx.fs, layout.root, layout.libraries);
      const name = path.basename(file.path).replace(/^create_/, '').replace(/(\.(postgres|mysql|sqlite))?\.sql$/, '');
      const existing = folder ? alreadyMigrated(ctx.fs, folder.dir, file.content) : undefined;
      if (existing) {
        notes.push(`${path.basename(existing)} already creates this table.`);
        return undefined;
      }
      const planned = planMigration(folder, layout.root, name, file.content, ctx.now, layout.libraries.has('typescript') || ctx.fs.read(path.join(layout.root, 'tsconfig.json')) !== undefined);
      return { kind: 'create', path: planned.path, content: planned.content, language: planned.language };
    }
    case 'prisma': {
      const schema = [path.join(layout.root, 'prisma', 'schema.prisma'), path.join(layout.root, 'schema.prisma')].find((p) => ctx.fs.read(p) !== undefined);
      if (!schema) return { kind: 'create', path: path.join(layout.root, file.path), content: file.content, language: 'prisma' };
      const before = ctx.fs.read(schema) ?? '';
      if (containsGenerated(before, file.content)) return undefined;
      return { kind: 'edit', path: schema, before, after: `${before.replace(/\s*$/, '')}\n\n${file.content}` };
    }
    case 'nginx':
    case 'caddyfile':
      return placeProxyBlock(file, layout, ctx);
    case 'typescript':
    case 'typescriptreact': {
      const target = targets.get(file.path) ?? path.join(layout.root, file.path);
      const drizzle = file.path === 'src/db/outboxSchema.ts' ? drizzleNeighbour(ctx.fs, layout) : undefined;
      const finalPath = drizzle ? path.join(drizzle, path.basename(target)) : target;
      const content = rewriteSpecifiers(file.content, file.path, targets, layout.importExtension);
      if (ctx.fs.read(finalPath) !== undefined && containsGenerated(ctx.fs.read(finalPath) ?? '', content)) return undefined;
      return { kind: 'create', path: finalPath, content, language: file.language };
    }
    case 'json':
      return { kind: 'create', path: path.join(layout.root, file.path), content: file.content, language: 'json' };
  }
}

/** A migration in `dir` that already holds this SQL (inserting twice changes nothing). */
function alreadyMigrated(fsv: PlacementFs, dir: string, sql: string): string | undefined {
  for (const e of fsv.list(dir) ?? []) {
    const p = e.dir ? path.join(dir, e.name, 'migration.sql') : path.join(dir, e.name);
    const text = fsv.read(p);
    if (text !== undefined && containsGenerated(text, sql.trim())) return p;
  }
  return undefined;
}

/** The folder of a module that declares Drizzle tables (`pgTable(`), so the outbox table sits beside them. */
function drizzleNeighbour(fsv: PlacementFs, layout: ServiceLayout): string | undefined {
  const queue = [layout.sourceDir];
  for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of queue) {
      for (const e of fsv.list(dir) ?? []) {
        const p = path.join(dir, e.name);
        if (e.dir && e.name !== 'node_modules' && !e.name.startsWith('.')) next.push(p);
        else if (/\.ts$/.test(e.name) && /from\s+['"]drizzle-orm\/(pg|mysql|sqlite)-core['"]/.test(fsv.read(p) ?? '')) return dir;
      }
    }
    queue.splice(0, queue.length, ...next);
  }
  return undefined;
}

/**
 * Relative specifiers between generated modules follow their new names (`./outboxRelay.js` →
 * `./outbox-relay`), with the service's extension style.
 */
function rewriteSpecifiers(content: string, fromRel: string, targets: Map<string, string>, extension: '.js' | ''): string {
  const from = targets.get(fromRel);
  if (!from) return content;
  return content.replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (whole, lead: string, q: string, spec: string) => {
    const relTarget = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec.replace(/\.js$/, '.ts')));
    const candidates = [relTarget, relTarget.replace(/\.ts$/, '.tsx')];
    const target = candidates.map((c) => targets.get(c)).find((t) => t !== undefined);
    if (!target) return whole;
    let rel = path.relative(path.dirname(from), target).split(path.sep).join('/').replace(/\.tsx?$/, '');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${lead}${q}${rel}${extension}${q}`;
  });
}

function placeProxyBlock(file: ScaffoldFile, layout: ServiceLayout, ctx: PlacementContext): Change | undefined {
  const nginx = file.language === 'nginx';
  const anchorIsConfig = ctx.anchorFile !== undefined && (nginx ? /\.conf$/.test(ctx.anchorFile) : /Caddyfile|\.caddy$/.test(ctx.anchorFile));
  const candidates = [...(anchorIsConfig && ctx.anchorFile ? [ctx.anchorFile] : []), ...(ctx.proxyConfigs ?? []).filter((p) => (nginx ? /\.conf$|nginx/.test(p) : /Caddyfile|\.caddy$/.test(p)))];
  const route = /location\s+(\S+)/.exec(file.content)?.[1] ?? '';
  const block = file.content.split('\n').filter((l) => !l.startsWith('# Place inside')).join('\n');
  for (const conf of candidates) {
    const before = ctx.fs.read(conf);
    if (before === undefined) continue;
    const after = nginx ? insertIntoNginxServer(before, block, route) : insertIntoCaddySite(before, block);
    if (after === undefined) continue;
    return after === before ? undefined : { kind: 'edit', path: conf, before, after };
  }
  return { kind: 'create', path: path.join(layout.root, file.path), content: file.content, language: file.language };
}

/** Module text with relative import specifiers blanked: a file we placed before had them renamed. */
function withoutRelativeSpecifiers(text: string): string {
  return text.replace(/(from\s+|import\s*\(\s*)(['"])\.{1,2}\/[^'"]*\2/g, "$1''");
}
