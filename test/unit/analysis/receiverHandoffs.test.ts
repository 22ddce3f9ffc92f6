// Receivers and wrappers reached through the project's own code (constructors, barrels, base classes set up
// at run time): each fixture's expected.json is what a user sees in the flow map, checked in full.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'analysis');

async function detectionsOf(dir: string): Promise<string[]> {
  const r = await analyze([path.join(fixtures, dir)]);
  return r.detections.map((d) => `${d.file}:${d.line} ${d.kind} ${d.channel ?? 'null'}`).sort();
}

function expectedOf(dir: string): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(fixtures, dir, 'expected.json'), 'utf8')) as {
    detections: { file: string; line: number; kind: string; channel: string | null }[];
  };
  return json.detections.map((d) => `${d.file}:${d.line} ${d.kind} ${d.channel ?? 'null'}`).sort();
}

describe('receivers handed on through the project code', () => {
  it('types a field by the socket its constructor is given, through a setup function and a CommonJS barrel', async () => {
    expect(await detectionsOf('realtime/ws-constructor-socket')).toEqual(expectedOf('realtime/ws-constructor-socket'));
  });

  it('resolves members a CommonJS module assigns on its own exports, and getters returning them', async () => {
    expect(await detectionsOf('realtime/socketio-module-object')).toEqual(expectedOf('realtime/socketio-module-object'));
  });

  it('takes a constructor function inheriting with util.inherits for an instance of its base', async () => {
    expect(await detectionsOf('messaging/emitter-util-inherits')).toEqual(expectedOf('messaging/emitter-util-inherits'));
  });

  it('follows registry lookups, loop variables and wrapper classes of workspace packages to their channels', async () => {
    expect(await detectionsOf('messaging/wrappers-registry-loop-package')).toEqual(expectedOf('messaging/wrappers-registry-loop-package'));
  });
});
