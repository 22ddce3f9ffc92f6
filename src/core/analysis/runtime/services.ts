// Services: the nearest package.json `name` names a service; its dependencies tell which messaging
// libraries it uses.
import path from 'node:path';

/** Libraries reported in `services[…].libraries` (messaging, realtime, ORM libraries the analyzer knows). */
const KNOWN = /^(kafkajs|ioredis|redis|@redis\/client|nats|nats\.ws|@nats-io\/.+|amqplib|amqp-connection-manager|bullmq|bull|@nestjs\/(bull|bullmq|microservices|websockets|event-emitter|platform-socket\.io|platform-ws)|socket\.io|socket\.io-client|@socket\.io\/.+|ws|eventemitter2|eventemitter3|emittery|mitt|@trpc\/.+|@tanstack\/.+-query|@tanstack\/query-core|@microsoft\/fetch-event-source|eventsource|express-ws|uWebSockets\.js|hono|express|fastify|next|@prisma\/client|prisma|drizzle-orm|typeorm|@mikro-orm\/.+|knex|mongoose|pg|sequelize|kysely)$/;

export interface PackageInfo {
  name: string | null;
  libraries: string[];
  /** The module a bare import of the package's folder loads (`exports['.']`, `main`), as written. */
  entry?: string;
}

/** `exports` as a string, or its `.` entry (a string, or the first string condition of it). */
function exportsEntry(exp: unknown): string | undefined {
  if (typeof exp === 'string') return exp;
  if (!exp || typeof exp !== 'object') return undefined;
  const dot = (exp as Record<string, unknown>)['.'] ?? exp;
  if (typeof dot === 'string') return dot;
  if (dot && typeof dot === 'object') {
    const conditions = dot as Record<string, unknown>;
    for (const c of ['require', 'node', 'default', 'import']) if (typeof conditions[c] === 'string') return conditions[c];
  }
  return undefined;
}

export function parsePackageJson(text: string): PackageInfo {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const deps = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const d = json[key];
      if (d && typeof d === 'object') for (const k of Object.keys(d)) if (KNOWN.test(k)) deps.add(k);
    }
    const info: PackageInfo = { name: typeof json.name === 'string' && json.name ? json.name : null, libraries: [...deps].sort() };
    const entry = exportsEntry(json.exports) ?? (typeof json.main === 'string' && json.main ? json.main : undefined);
    if (entry) info.entry = entry;
    return info;
  } catch {
    return { name: null, libraries: [] };
  }
}

/** Finds the service of a file: the nearest package.json with a name, else the root folder's name. */
export class ServiceIndex {
  private readonly byDir = new Map<string, PackageInfo>();
  private readonly cache = new Map<string, string>();

  constructor(packages: Iterable<[string, PackageInfo]>) {
    for (const [file, info] of packages) this.byDir.set(path.dirname(file), info);
  }

  serviceOf(abs: string, root: string): string {
    const dir = path.dirname(abs);
    const hit = this.cache.get(dir);
    if (hit !== undefined) return hit;
    let cur = dir;
    let found: string | null = null;
    for (;;) {
      const info = this.byDir.get(cur);
      if (info?.name) {
        found = info.name;
        break;
      }
      if (cur === root || cur.length <= root.length) break;
      const parent = path.dirname(cur);
      if (parent === cur) break;
      cur = parent;
    }
    const svc = found ?? path.basename(root);
    this.cache.set(dir, svc);
    return svc;
  }

  entries(): [string, PackageInfo][] {
    return [...this.byDir];
  }
}
