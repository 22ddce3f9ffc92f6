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
  // Breadth first, one level at a time with every folder of the level read concurrently: one await per
  // folder in turn costs a thread-pool round trip each (about 150 ms on a 1,000-folder workspace), a level
  // at a time costs one per depth. Each level is handled in path order, so the result is deterministic.
  for (const rootIn of roots) {
    const root = path.resolve(rootIn);
    const first = found.length;
    let level = [root];
    for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
      if (signal?.aborted || found.length >= MAX_FILES || entries >= MAX_ENTRIES) break;
      const listed = await Promise.all(level.map((dir) => fsp.readdir(dir, { withFileTypes: true }).catch(() => null)));
      const next: string[] = [];
      const candidates: string[] = [];
      level.forEach((dir, i) => {
        // An unreadable folder has nothing to collect.
        for (const entry of (listed[i] ?? []).sort((x, y) => (x.name < y.name ? -1 : 1))) {
          if (++entries >= MAX_ENTRIES) break;
          const abs = path.join(dir, entry.name);
          if (entry.isDirectory()) {
            if (!excluded.has(entry.name) && !entry.name.startsWith('.')) next.push(abs);
          } else if (entry.isFile() && configKindOf(entry.name)) candidates.push(abs); // symlinks are not followed
        }
      });
      const texts = await Promise.all(candidates.map(readSmall));
      candidates.forEach((abs, i) => {
        const text = texts[i];
        if (text === undefined || found.length >= MAX_FILES) return;
        const file = { root, path: path.relative(root, abs).split(path.sep).join('/'), text };
        if (classifyConfig(file)) found.push(file);
      });
      level = next;
    }
    // Path order within a root (as a depth-first walk of sorted folders would give).
    const mine = found.splice(first).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    found.push(...mine);
  }
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
