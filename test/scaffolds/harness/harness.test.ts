import { describe, expect, it } from 'vitest';
import { createTempProject, expandSnippet } from './index';

// The harness itself must be able to fail: a type error is reported, a runtime import works natively.
describe('scaffold proof harness', () => {
  it('reports strict type errors and runs valid modules with real packages', async () => {
    const project = createTempProject('harness-self');
    try {
      project.write([
        { path: 'src/ok.ts', content: "import pg from 'pg';\nexport const poolType = typeof pg.Pool;\nexport function add(a: number, b: number): number { return a + b; }\nexport const resolveType = typeof import.meta.resolve;\n" },
      ]);
      const ok = await project.typecheck();
      expect(ok.output).toBe('');
      const mod = await project.importModule<{ add(a: number, b: number): number; poolType: string; resolveType: string }>('src/ok.ts');
      expect(mod.add(2, 3)).toBe(5);
      expect(mod.poolType).toBe('function');
      // Only Node's native loader provides import.meta.resolve; vitest's transform would not.
      expect(mod.resolveType).toBe('function');
      project.write([{ path: 'src/bad.ts', content: 'export function f(x) { return x.y; }\nconst n: number = "s";\n' }]);
      const bad = await project.typecheck();
      expect(bad.ok).toBe(false);
      expect(bad.output).toMatch(/TS7006/);
      expect(bad.output).toMatch(/TS2322/);
      const run = await project.runScript('src/ok.ts');
      expect(run.code).toBe(0);
      expect(() => project.write([{ path: '../escape.ts', content: '' }])).toThrow(/outside/);
    } finally {
      project.remove();
    }
  });

  it('expands snippets back to their text', () => {
    expect(expandSnippet('CREATE TABLE ${1:outbox} (\\$\\$ ${2:x} \\} $0)')).toBe('CREATE TABLE outbox ($$ x } )');
  });
});
