// The npm packages whose event flows the analyzer detects, read from its own library tables, so the host
// can decide from a workspace's package.json files alone whether indexing it will find anything.
import { EXPORTS, MODULE_ALIASES, MODULE_CALLBACKS } from './link/libraryTables';

/** Packages detected through means other than the export tables (hooks, adapters, procedures). */
const EXTRA = [
  '@tanstack/react-query', '@tanstack/query-core', '@tanstack/vue-query', '@tanstack/svelte-query', '@tanstack/solid-query',
  '@trpc/server', '@trpc/client', '@trpc/react-query', '@socket.io/redis-adapter', '@socket.io/redis-streams-adapter',
  '@socket.io/cluster-adapter', '@socket.io/postgres-adapter',
];

/** Node built-ins and internal tags in the tables: every project has them, so they say nothing. */
const NOT_PACKAGES = new Set(['events', 'node:events', 'global', 'amqplib-cb', 'uws']);

let cached: ReadonlySet<string> | undefined;

export function detectedLibraries(): ReadonlySet<string> {
  if (cached) return cached;
  const names = new Set<string>(EXTRA);
  for (const key of [...Object.keys(EXPORTS), ...Object.keys(MODULE_CALLBACKS), ...Object.keys(MODULE_ALIASES)]) {
    const module = key.split('#')[0] ?? '';
    // `@trpc/server/adapters/fetch` → `@trpc/server`; `amqplib/callback_api` → `amqplib`.
    const parts = module.split('/');
    const name = module.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
    if (name && !NOT_PACKAGES.has(name)) names.add(name);
  }
  cached = names;
  return names;
}

/** The detected libraries a package.json depends on (any dependency field); [] for broken JSON. */
export function detectedDependencies(packageJson: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(packageJson);
  } catch {
    return [];
  }
  if (!json || typeof json !== 'object') return [];
  const libraries = detectedLibraries();
  const record = json as Record<string, unknown>;
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => {
    const deps = record[field];
    return deps && typeof deps === 'object' ? Object.keys(deps).filter((name) => libraries.has(name)) : [];
  });
}
