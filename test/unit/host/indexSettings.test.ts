// The host's reader of the `scope: resource` index settings, against a fake of VS Code's configuration
// resolution (window value, overridden per folder): each folder gets its own values, and what the reader
// returns, handed to the analyzer as the worker backend does, makes each root honour its own.
import type * as vscode from 'vscode';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { affectsIndexSettings, readIndexSettings } from '../../../src/host/index/indexSettings';
import type { ConfigurationReader } from '../../../src/host/index/indexSettings';
import { SETTINGS } from '../../../src/host/ids';
import { removeTree, writeTree } from '../analysis/tree';

type Values = Record<string, unknown>;

const folder = (fsPath: string): Pick<vscode.WorkspaceFolder, 'uri'> => ({ uri: { fsPath, toString: () => `file://${fsPath}` } as unknown as vscode.Uri });

/** VS Code's resolution in small: a folder's value wins over the window's; no resource means the window's. */
function fakeConfiguration(window: Values, byFolder: Record<string, Values>): { read: ConfigurationReader; scopes: (string | undefined)[] } {
  const scopes: (string | undefined)[] = [];
  const read: ConfigurationReader = (_section, scope) => {
    const key = scope ? String(scope as vscode.Uri) : undefined;
    scopes.push(key);
    const own = key ? (byFolder[key] ?? {}) : {};
    return { get: <T>(name: string) => (name in own ? own[name] : window[name]) as T } as Pick<vscode.WorkspaceConfiguration, 'get'>;
  };
  return { read, scopes };
}

describe('index settings reader', () => {
  const a = writeTree({ 'package.json': '{ "name": "a", "dependencies": { "ioredis": "5.4.1" } }', 'generated/gen.ts': "import Redis from 'ioredis';\nnew Redis().publish('a.gen', 'x');\n" }, 'ea-settings-a-');
  const b = writeTree({ 'package.json': '{ "name": "b", "dependencies": { "ioredis": "5.4.1" } }', 'generated/gen.ts': "import Redis from 'ioredis';\nnew Redis().publish('b.gen', 'x');\n" }, 'ea-settings-b-');
  afterAll(() => [a, b].forEach(removeTree));
  const folders = [folder(a), folder(b)];

  it('reads each folder with its own URI and falls back to the window value', () => {
    const { read, scopes } = fakeConfiguration({ [SETTINGS.exclude]: ['legacy/'], [SETTINGS.maxFileSize]: 500_000 }, { [`file://${a}`]: { [SETTINGS.exclude]: ['generated/'], [SETTINGS.maxFileSize]: 2048 } });
    const settings = readIndexSettings(folders, read);
    expect(scopes).toEqual([undefined, `file://${a}`, `file://${b}`]);
    expect(settings).toEqual({
      exclude: ['legacy/'],
      maxFileBytes: 500_000,
      perRoot: [
        { exclude: ['generated/'], maxFileBytes: 2048 },
        { exclude: ['legacy/'], maxFileBytes: 500_000 },
      ],
    });
  });

  it('cleans bad values (non-strings, non-positive sizes) per folder', () => {
    const { read } = fakeConfiguration({}, { [`file://${b}`]: { [SETTINGS.exclude]: ['ok/', 3, null], [SETTINGS.maxFileSize]: -1 } });
    expect(readIndexSettings(folders, read).perRoot?.[1]).toEqual({ exclude: ['ok/'], maxFileBytes: 1024 * 1024 });
  });

  it('what it reads makes each root of the analysis honour its folder’s exclude', async () => {
    const { read } = fakeConfiguration({}, { [`file://${a}`]: { [SETTINGS.exclude]: ['generated/'] } });
    const s = readIndexSettings(folders, read);
    const result = await analyze([a, b], { exclude: s.exclude, maxFileBytes: s.maxFileBytes, perRoot: s.perRoot, scanWorkerFile: null });
    expect([...new Set(result.detections.map((d) => `${d.root}:${d.file}`))]).toEqual(['1:generated/gen.ts']);
  });

  it('a change to one folder’s value re-indexes', () => {
    const changed = (section: string, uri?: string) => ({ affectsConfiguration: (s: string, scope?: vscode.ConfigurationScope) => s === section && (uri === undefined || String(scope as vscode.Uri) === uri) });
    // Only true when asked with that folder's URI (what a folder-level change looks like).
    const folderOnly = { affectsConfiguration: (s: string, scope?: vscode.ConfigurationScope) => s === SETTINGS.maxFileSize && scope !== undefined && String(scope as vscode.Uri) === `file://${b}` };
    expect(affectsIndexSettings(folderOnly, folders)).toBe(true);
    expect(affectsIndexSettings(folderOnly, [folders[0]!])).toBe(false);
    expect(affectsIndexSettings(changed(SETTINGS.exclude), folders)).toBe(true);
    expect(affectsIndexSettings(changed('eventArchitect.rules.x'), folders)).toBe(false);
  });
});
