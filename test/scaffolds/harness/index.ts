// The shared proof harness for scaffold tests (persistence and realtime). Typical use:
//
//   const project = createTempProject('outbox-pg');
//   project.write(generateWith(scaffold, 'postgres', { table: uniqueName('outbox') }).files);
//   expect((await project.typecheck()).output).toBe('');
//   const mod = await project.importModule<typeof import('...')>('outbox/relay.ts');
//   ... run it against services.* ...
//   project.remove();
export { STRICT_COMPILER_OPTIONS, createTempProject, repoRoot } from './tempProject';
export type { ProjectFile, ScriptResult, SpawnedScript, TempProject, TypecheckResult } from './tempProject';
export { services, postgresUrl, uniqueName } from './services';
export { waitFor, sleep, withTimeout } from './wait';
export type { WaitOptions } from './wait';
export { HOSTILE_VALUES, defaultParams, expandSnippet, generateWith, hostileParameterFailures } from './scaffoldChecks';
