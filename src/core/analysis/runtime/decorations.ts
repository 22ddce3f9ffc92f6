// Fastify decorations of the workspace: `app.decorate('redis', client)` in a plugin makes `app.redis` in any
// route file of the service that client. Rebuilt from the included files' facts on every link.
import type { TagExpr } from '../extract/facts';
import type { FileState } from './fileState';

interface Decoration {
  file: string;
  tag: TagExpr;
  service: string;
}

export class Decorations {
  private byName = new Map<string, Decoration[]>();

  /** `files` in link order, each with its service. */
  rebuild(files: readonly string[], states: ReadonlyMap<string, FileState>, serviceOf: (file: string, st: FileState) => string): void {
    this.byName = new Map();
    for (const file of files) {
      const st = states.get(file);
      if (!st?.facts?.decorations.length) continue;
      for (const d of st.facts.decorations) {
        const list = this.byName.get(d.name) ?? [];
        list.push({ file, tag: d.tag, service: serviceOf(file, st) });
        this.byName.set(d.name, list);
      }
    }
  }

  /** The decoration `name` as seen from a file of `service`: that service's own first, else the first. */
  find(name: string, service: string | null): { file: string; tag: TagExpr } | null {
    const found = this.byName.get(name);
    if (!found?.length) return null;
    return found.find((d) => d.service === service) ?? found[0] ?? null;
  }
}
