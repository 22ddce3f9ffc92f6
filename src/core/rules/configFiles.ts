// Collects the deployment files some rules read (nginx, Caddy, PM2, docker-compose, Kubernetes): the
// analyzer only parses code, so the host and the CLI call this once per analysis and pass the texts to
// `evaluateRules`. Bounded in depth, entries and bytes so a huge workspace costs a few milliseconds.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXCLUDES } from '../analysis/discovery/walk';
import type { ConfigFile } from './types';

const MAX_DEPTH = 8;
const MAX_ENTRIES = 20_000;
const MAX_FILES = 200;
const MAX_BYTES = 512 * 1024;

export type ConfigKind = 'nginx' | 'caddy' | 'pm2' | 'compose' | 'kubernetes';

/** Which kind of config a path names, by file name alone (Kubernetes needs a look inside: `maybe-yaml`). */
export function configKindOf(relPath: string): ConfigKind | 'maybe-yaml' | undefined {
  const base = path.posix.basename(relPath).toLowerCase();
  if (/\.conf(\.template)?$/.test(base)) return 'nginx';
  if (base.startsWith('caddyfile') || base.endsWith('.caddyfile') || base.endsWith('.caddy')) return 'caddy';
  if (/^(ecosystem|pm2)([.-][\w-]+)*\.(c?js|mjs|json|ya?ml)$/.test(base)) return 'pm2';
  if (/^(docker-)?compose([.-][\w-]+)*\.ya?ml$/.test(base)) return 'compose';
  if (/\.ya?ml$/.test(base)) return 'maybe-yaml';
  return undefined;
}

/** Kind of a collected file, with the content check for YAML manifests and nginx fragments. */
export function classifyConfig(file: ConfigFile): ConfigKind | undefined {
  const kind = configKindOf(file.path);
  if (kind === 'maybe-yaml') return /^kind:\s*(Deployment|StatefulSet|ReplicaSet|HorizontalPodAutoscaler)\s*$/m.test(file.text) ? 'kubernetes' : undefined;
  if (kind === 'nginx') return /\b(location|proxy_pass|server)\b/.test(file.text) ? 'nginx' : undefined;
  return kind;
}

export async function collectConfigFiles(roots: readonly string[], signal?: AbortSignal): Promise<ConfigFile[]> {
  const found: ConfigFile[] = [];
  let entries = 0;
  const excluded = new Set(DEFAULT_EXCLUDES);
  const visit = async (root: string, dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || found.length >= MAX_FILES || entries >= MAX_ENTRIES || signal?.aborted) return;
    let list;
    try {
      list = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to collect there
    }
    for (const entry of list.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (++entries >= MAX_ENTRIES || found.length >= MAX_FILES) return;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!excluded.has(entry.name) && !entry.name.startsWith('.')) await visit(root, abs, depth + 1);
        continue;
      }
      if (!entry.isFile()) continue; // symlinks are not followed
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (!configKindOf(rel)) continue;
      const text = await readSmall(abs);
      if (text === undefined) continue;
      const file = { root, path: rel, text };
      if (classifyConfig(file)) found.push(file);
    }
  };
  for (const root of roots) await visit(path.resolve(root), path.resolve(root), 0);
  return found;
}

async function readSmall(abs: string): Promise<string | undefined> {
  try {
    const stat = await fsp.stat(abs);
    if (stat.size > MAX_BYTES) return undefined;
    const text = await fsp.readFile(abs, 'utf8');
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}
