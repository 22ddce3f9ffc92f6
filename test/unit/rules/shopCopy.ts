// Test helper: a disposable copy of examples/shop whose node_modules points at the repository's, so the
// real TypeScript compiler type-checks it like the original, and the real analyzer and rules run on it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../../src/core/analysis/index';
import type { AnalysisResult } from '../../../src/core/analysis/types';
import { collectConfigFiles, evaluateRules, type Finding } from '../../../src/core/rules/index';
import { readFromDisk } from './ruleTree';

const repo = path.resolve(__dirname, '../../..');
export const shopSource = path.join(repo, 'examples/shop');

export function copyShop(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-shop-'));
  fs.cpSync(shopSource, dir, { recursive: true });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeShop(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function indexShop(dir: string): Promise<{ result: AnalysisResult; findings: Finding[]; configs: string[] }> {
  const result = await analyze([dir]);
  const configs = await collectConfigFiles(result.roots);
  return { result, findings: evaluateRules(result, readFromDisk, configs), configs: configs.map((c) => path.join(c.root, c.path)) };
}

/** `file(line,col): error TSxxxx` lines of `tsc --noEmit -p tsconfig.json`, paths relative to `dir`. */
export function typeErrors(dir: string): string[] {
  const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (error) {
    const out = String((error as { stdout?: string }).stdout ?? '');
    return out.split('\n').filter((l) => /error TS\d+/.test(l));
  }
}

/** A hash of every file and folder under `dir` (node_modules link excluded), to prove undo is exact. */
export function treeListing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out.push(`${rel}/`);
        walk(p);
      } else out.push(`${rel} ${fs.readFileSync(p).toString('base64')}`);
    }
  };
  walk(dir);
  return out.sort();
}
