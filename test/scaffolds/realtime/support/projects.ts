// Temp projects for the realtime proofs, on top of the shared harness. The harness tsconfig (NodeNext,
// strict, noUncheckedIndexedAccess) is kept and only widened where the generated code's target demands:
// browser globals for client code, legacy decorators for NestJS, bundler resolution for Next.js.
import { STRICT_COMPILER_OPTIONS, createTempProject, type ProjectFile, type TempProject } from '../../harness/index';
import type { ScaffoldFile } from '../../../../src/core/scaffolds/types';

type Preset = 'node' | 'browser' | 'nest' | 'next';

const base = STRICT_COMPILER_OPTIONS;

const presets: Record<Preset, Record<string, unknown>> = {
  node: base,
  browser: { ...base, lib: ['ES2023', 'DOM', 'DOM.Iterable'] },
  // What `nest new` generates; esbuild honours experimentalDecorators when bundling.
  nest: { ...base, experimentalDecorators: true, emitDecoratorMetadata: true },
  // What `create-next-app` generates: bundler resolution (extensionless imports) and DOM types.
  next: { ...base, module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'] },
};

export function createProject(label: string, preset: Preset): TempProject {
  const project = createTempProject(label);
  project.write([
    {
      path: 'tsconfig.json',
      content: JSON.stringify({ compilerOptions: presets[preset], include: ['**/*.ts'], exclude: ['node_modules', '.build'] }, null, 2),
    },
  ]);
  return project;
}

/** Generated files placed under `prefix/` (one folder per variant) so variants never collide. */
export function under(prefix: string, files: readonly ScaffoldFile[]): ProjectFile[] {
  return files.filter((f) => f.language === 'typescript').map((f) => ({ path: `${prefix}/${f.path}`, content: f.content }));
}

/** Runs tsc and throws with the diagnostics, so a type error fails the test with tsc's own words. */
export async function expectTypecheck(project: TempProject): Promise<number> {
  const result = await project.typecheck();
  if (!result.ok) throw new Error(`tsc --strict failed for ${project.dir}:\n${result.output}`);
  return result.durationMs;
}
