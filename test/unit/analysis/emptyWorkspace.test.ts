import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/index';
import { emptyWorkspaceResult } from '../../../src/core/analysis/runtime/emptyWorkspace';
import { removeTree, writeTree } from './tree';

// The extension shows an empty workspace's result without waiting for the worker: it must be exactly the
// analyzer's result, and "unsure" whenever the workspace may hold anything to analyze.
describe('empty workspace result', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));
  const tree = (files: Record<string, string>): string => {
    const root = writeTree(files, 'ea-empty-');
    roots.push(root);
    return root;
  };
  const strip = (r: unknown): unknown => ({ ...(r as object), stats: undefined });

  it('equals the analysis of an empty folder and of one with only other files', async () => {
    for (const root of [tree({}), tree({ 'README.md': '# notes', 'docs/a.txt': 'x', 'img/logo.png': 'png' })]) {
      const quick = emptyWorkspaceResult([root]);
      expect(quick).not.toBeNull();
      expect(strip(quick)).toEqual(strip(await analyze([root])));
    }
  });

  it('is unsure when anything could be analyzed, linked, or the tree is large', () => {
    expect(emptyWorkspaceResult([tree({ 'src/a.ts': 'export {}' })])).toBeNull();
    expect(emptyWorkspaceResult([tree({ 'deep/er/package.json': '{}' })])).toBeNull();
    expect(emptyWorkspaceResult([tree({ 'db/schema.prisma': '' })])).toBeNull();
    // Ignored folders are the analyzer's business: a file there still means "unsure".
    expect(emptyWorkspaceResult([tree({ 'node_modules/x/index.js': '' })])).toBeNull();
    const linked = tree({ 'a.md': '' });
    fs.symlinkSync(linked, path.join(linked, 'loop'));
    expect(emptyWorkspaceResult([linked])).toBeNull();
    const many: Record<string, string> = {};
    for (let i = 0; i < 600; i++) many[`n${i}.md`] = '';
    expect(emptyWorkspaceResult([tree(many)])).toBeNull();
    expect(emptyWorkspaceResult([path.join(linked, 'missing')])).toBeNull();
  });
});
