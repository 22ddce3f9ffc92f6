// The benchmark's own rules (scripts/bench): corpus selection must match the corpus description exactly, or
// the measured tree is not the one the targets were set on.
import { describe, expect, it } from 'vitest';
import { countLines, isCorpusSourceFile, isMinifiedLike, packageFolderName, parseCorpusList } from '../../../scripts/bench/corpus';
import { median, percentile } from '../../../scripts/bench/stats';
import { syntheticServiceFile } from '../../../scripts/bench/syntheticFile';
import { astGrepRules, ripgrepArgs } from '../../../scripts/bench/tools';

describe('corpus rules', () => {
  it('parses the package list', () => {
    const list = parseCorpusList('# comment\n\neffect@4.1.0  src\n@trpc/server@11.25.2  src\nviem@2.57.20  accounts actions\n');
    expect(list).toEqual([
      { spec: 'effect@4.1.0', folders: ['src'] },
      { spec: '@trpc/server@11.25.2', folders: ['src'] },
      { spec: 'viem@2.57.20', folders: ['accounts', 'actions'] },
    ]);
    expect(() => parseCorpusList('lonely@1.0.0\n')).toThrow(/malformed/);
  });

  it('names package folders without scopes or slashes', () => {
    expect(packageFolderName('@nestjs/core@12.5.1')).toBe('nestjs__core');
    expect(packageFolderName('ws@8.23.0')).toBe('ws');
  });

  it('takes sources and leaves declarations and minified files out', () => {
    for (const name of ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs']) expect(isCorpusSourceFile(name)).toBe(true);
    for (const name of ['a.d.ts', 'a.d.mts', 'a.d.cts', 'a.min.js', 'a.json', 'a.map']) expect(isCorpusSourceFile(name)).toBe(false);
    expect(isMinifiedLike(`a\n${'x'.repeat(5001)}\n`)).toBe(true);
    expect(isMinifiedLike(`${'y'.repeat(300)}\n${'y'.repeat(300)}`)).toBe(true);
    expect(isMinifiedLike('const a = 1;\nconst b = 2;\n')).toBe(false);
  });

  it('counts lines as an editor does', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\n\n')).toBe(2);
  });
});

describe('statistics', () => {
  it('uses nearest-rank percentiles and the usual median', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile([5], 95)).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('re-index input and reference tools', () => {
  it('generates files of the exact size, different per variant', () => {
    for (const lines of [100, 1000, 2000]) expect(countLines(syntheticServiceFile(lines))).toBe(lines);
    expect(syntheticServiceFile(100, 1)).not.toBe(syntheticServiceFile(100, 2));
    expect(syntheticServiceFile(100, 3)).toContain("topic: 'orders.created.v3'");
  });

  it('gives ripgrep and ast-grep the same five call patterns', () => {
    const rg = ripgrepArgs('/corpus');
    expect(rg.filter((a, i) => rg[i - 1] === '-e')).toEqual(['\\.emit\\(', '\\.on\\(', '\\.publish\\(', '\\.subscribe\\(', '\\.send\\(']);
    const rules = astGrepRules().split('\n---\n');
    expect(rules.map((r) => /language: (\w+)/.exec(r)?.[1])).toEqual(['TypeScript', 'Tsx', 'JavaScript']);
    for (const rule of rules) expect(rule.match(/- pattern: \$O\.(\w+)\(\$\$\$A\)/g)).toHaveLength(5);
  });
});
