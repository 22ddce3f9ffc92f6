// What every rule gets: the analysis result, cached file reading with root resolution, per-service
// libraries and folders, and the collected deployment files.
import type { AnalysisResult, Detection, DetectionKind } from '../analysis/types';
import { classifyConfig, type ConfigKind } from './configFiles';
import { SourceView } from './source/sourceView';
import type { ConfigFile, ReadFile } from './types';

export interface LocatedSource {
  root: string;
  view: SourceView;
}

export interface Span {
  file: string;
  root?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const NONE: readonly Detection[] = [];

export class RuleContext {
  private readonly views = new Map<string, LocatedSource | null>();
  private readonly libs = new Map<string, Set<string>>();
  private readonly serviceRoots = new Map<string, string | undefined>();
  /** Detections under `kind`, `kind\0service` and `\0service` (every kind), in the result's order. Built on
   *  first use and never invalidated (a context lives for one result): rules ask per service and per kind,
   *  and filtering the whole result each time is quadratic in services × detections. */
  private byKey: Map<string, Detection[]> | undefined;
  readonly configs: (ConfigFile & { kind: ConfigKind })[];

  constructor(
    readonly result: AnalysisResult,
    private readonly readFile: ReadFile,
    configFiles: readonly ConfigFile[],
  ) {
    this.configs = configFiles.flatMap((f) => {
      const kind = classifyConfig(f);
      return kind ? [{ ...f, kind }] : [];
    });
  }

  detections(kind: DetectionKind, service?: string): readonly Detection[] {
    return this.indexed(service === undefined ? kind : `${kind}\0${service}`);
  }

  /** Every detection of one service, of any kind. */
  detectionsOfService(service: string): readonly Detection[] {
    return this.indexed(`\0${service}`);
  }

  private indexed(key: string): readonly Detection[] {
    if (!this.byKey) {
      const byKey = new Map<string, Detection[]>();
      const push = (k: string, d: Detection): void => {
        const list = byKey.get(k);
        if (list) list.push(d);
        else byKey.set(k, [d]);
      };
      for (const d of this.result.detections) {
        push(d.kind, d);
        push(`${d.kind}\0${d.service}`, d);
        push(`\0${d.service}`, d);
      }
      this.byKey = byKey;
    }
    // Shared, not copied (a copy per call is quadratic again for a rule asking per server): read-only.
    return this.byKey.get(key) ?? NONE;
  }

  /**
   * The file's text and structure. Paths are relative to their root and the same path can exist in
   * several roots, so the service (whose package.json names it) picks the root; otherwise the first
   * root holding the file wins.
   */
  source(file: string, service?: string): LocatedSource | undefined {
    const preferred = service === undefined ? undefined : this.rootOfService(service);
    const key = `${preferred ?? ''}\0${file}`;
    const cached = this.views.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const hit = this.read(file, service);
    const found = hit ? { root: hit.root, view: new SourceView(hit.text) } : null;
    this.views.set(key, found);
    return found ?? undefined;
  }

  /** A file of one root only (no search across roots): for probing candidate paths cheaply. */
  sourceIn(file: string, root: string): LocatedSource | undefined {
    const key = `${root}\0${file}\0only`;
    const cached = this.views.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const text = this.safeRead(file, root);
    const found = text === undefined ? null : { root, view: new SourceView(text) };
    this.views.set(key, found);
    return found ?? undefined;
  }

  /** The root holding the service: the one whose package.json at the service's folder has its name. */
  rootOfService(service: string): string | undefined {
    if (this.serviceRoots.has(service)) return this.serviceRoots.get(service);
    const roots = this.result.roots;
    let found: string | undefined = roots.length === 1 ? roots[0] : undefined;
    const dir = this.serviceDir(service);
    for (const root of found === undefined ? roots : []) {
      const text = dir === undefined ? undefined : this.safeRead(dir === '.' ? 'package.json' : `${dir}/package.json`, root);
      if (text !== undefined ? packageName(text) === service : root.split(/[\\/]/).pop() === service) {
        found = root;
        break;
      }
    }
    this.serviceRoots.set(service, found);
    return found;
  }

  libraries(service: string): Set<string> {
    const cached = this.libs.get(service);
    if (cached) return cached;
    const libs = new Set(this.result.services[service]?.libraries ?? []);
    const dir = this.serviceDir(service);
    const pkg = dir === undefined ? undefined : this.read(dir === '.' ? 'package.json' : `${dir}/package.json`, service);
    for (const dep of pkg ? dependencyNames(pkg.text) : []) libs.add(dep);
    this.libs.set(service, libs);
    return libs;
  }

  /** The service's folder relative to its root (`.` for a root package), if it has a package.json. */
  serviceDir(service: string): string | undefined {
    return this.result.services[service]?.root;
  }

  /** Reads a file from the service's root when known, else from the first root holding it. */
  read(file: string, service?: string): { root: string; text: string } | undefined {
    const preferred = service === undefined ? undefined : this.rootOfService(service);
    const text = preferred === undefined ? undefined : this.safeRead(file, preferred);
    if (preferred !== undefined && text !== undefined) return { root: preferred, text };
    for (const root of this.result.roots) {
      const text = this.safeRead(file, root);
      if (text !== undefined) return { root, text };
    }
    return undefined;
  }

  /** A detection's range, narrowed to its first line so a 20-line call is not all underlined. */
  spanOf(d: Detection): Span {
    const src = this.source(d.file, d.service);
    let endLine = d.endLine;
    let endColumn = d.endColumn;
    if (src && d.endLine > d.line) {
      const start = src.view.offsetAt(d.line, d.column);
      endLine = d.line;
      endColumn = src.view.positionAt(src.view.lineEnd(start)).column;
    }
    return { file: d.file, root: src?.root, line: d.line, column: d.column, endLine, endColumn };
  }

  /** A span over [from, to) of a located file. */
  spanAt(file: string, src: LocatedSource, from: number, to: number): Span {
    const a = src.view.positionAt(from);
    const b = src.view.positionAt(Math.min(to, src.view.lineEnd(from)));
    return { file, root: src.root, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  private safeRead(file: string, root: string): string | undefined {
    try {
      return this.readFile(file, root);
    } catch {
      return undefined; // an unreadable file is treated as absent: rules skip, never crash
    }
  }
}

/** `@shop/orders` → `orders`: the name deployment files usually use for a service. */
export function shortServiceName(service: string): string {
  return service.replace(/^@[^/]+\//, '');
}

/** True when `file` (POSIX, root-relative) lies inside the service folder `dir`. */
export function isInside(file: string, dir: string): boolean {
  return dir === '.' || dir === '' || file === dir || file.startsWith(`${dir}/`);
}

function dependencyNames(packageJson: string): string[] {
  try {
    const json: unknown = JSON.parse(packageJson);
    if (!json || typeof json !== 'object') return [];
    const record = json as Record<string, unknown>;
    return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((key) => {
      const deps = record[key];
      return deps && typeof deps === 'object' ? Object.keys(deps) : [];
    });
  } catch {
    return []; // a broken package.json just adds nothing
  }
}

function packageName(packageJson: string): string | undefined {
  try {
    const json: unknown = JSON.parse(packageJson);
    return json && typeof json === 'object' && 'name' in json && typeof json.name === 'string' ? json.name : undefined;
  } catch {
    return undefined;
  }
}
