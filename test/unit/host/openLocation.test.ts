// "Open location" opens only files whose real path lies in an open folder: `..` and symlinks are resolved
// before the check, and folders are compared by their real paths too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathInsideRoots } from '../../../src/host/commands/insideWorkspace';

let base = '';
let root = '';

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ea-open-')));
  root = path.join(base, 'project');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'orders.ts'), 'export {};\n');
  fs.mkdirSync(path.join(base, 'project-evil'));
  fs.writeFileSync(path.join(base, 'project-evil', 'x.ts'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret\n');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'src', 'link-out.ts'));
  fs.symlinkSync(path.join(root, 'src', 'orders.ts'), path.join(root, 'src', 'link-in.ts'));
  fs.symlinkSync(path.join(root, 'src', 'loop-b'), path.join(root, 'src', 'loop-a'));
  fs.symlinkSync(path.join(root, 'src', 'loop-a'), path.join(root, 'src', 'loop-b'));
  fs.symlinkSync(root, path.join(base, 'alias'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('pathInsideRoots', () => {
  it('accepts a file of the folder, and a link that stays inside it', () => {
    expect(pathInsideRoots(path.join(root, 'src', 'orders.ts'), [root])).toBe(path.join(root, 'src', 'orders.ts'));
    expect(pathInsideRoots(path.join(root, 'src', 'link-in.ts'), [root])).toBe(path.join(root, 'src', 'link-in.ts'));
  });

  it('resolves `..` before checking', () => {
    expect(pathInsideRoots(`${root}/src/../../secret.txt`, [root])).toBeUndefined();
    expect(pathInsideRoots(`${root}/src/../src/orders.ts`, [root])).toBe(path.join(root, 'src', 'orders.ts'));
  });

  it('refuses a link inside the folder that points outside it', () => {
    expect(pathInsideRoots(path.join(root, 'src', 'link-out.ts'), [root])).toBeUndefined();
  });

  it('refuses a sibling folder that only shares the prefix, missing files and link loops', () => {
    expect(pathInsideRoots(path.join(base, 'project-evil', 'x.ts'), [root])).toBeUndefined();
    expect(pathInsideRoots(path.join(root, 'src', 'missing.ts'), [root])).toBeUndefined();
    expect(pathInsideRoots(path.join(root, 'src', 'loop-a'), [root])).toBeUndefined();
    expect(pathInsideRoots('src/orders.ts', [root])).toBeUndefined();
    expect(pathInsideRoots(path.join(root, 'src', 'orders.ts'), [])).toBeUndefined();
  });

  it('compares real paths: a folder opened through a link still holds its files', () => {
    const alias = path.join(base, 'alias');
    expect(pathInsideRoots(path.join(alias, 'src', 'orders.ts'), [alias])).toBe(path.join(alias, 'src', 'orders.ts'));
    expect(pathInsideRoots(path.join(root, 'src', 'orders.ts'), [alias])).toBe(path.join(root, 'src', 'orders.ts'));
    expect(pathInsideRoots(path.join(alias, 'src', 'link-out.ts'), [alias])).toBeUndefined();
  });
});
