// Test helper: writes a project tree to a temp folder, runs the real analyzer, collects config files
// and evaluates the rules exactly as the host and the CLI do.
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../src/core/analysis/index';
import { collectConfigFiles, evaluateRules, type Finding } from '../../../src/core/rules/index';
import { removeTree, writeTree } from '../analysis/tree';

export function readFromDisk(rel: string, root: string): string | undefined {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch {
    return undefined;
  }
}

export async function findingsFor(files: Record<string, string>): Promise<Finding[]> {
  return (await evaluateTree(files)).findings;
}

/** Findings plus the detections they came from, so negative tests can prove the construct was seen. */
export async function evaluateTree(files: Record<string, string>): Promise<{ findings: Finding[]; kinds: string[] }> {
  const root = writeTree(files, 'ea-rules-');
  try {
    const result = await analyze([root]);
    const findings = evaluateRules(result, readFromDisk, await collectConfigFiles(result.roots));
    return { findings, kinds: result.detections.map((d) => d.kind) };
  } finally {
    removeTree(root);
  }
}

/** How many detections of `kind` the analyzer reported. */
export function count(kinds: string[], kind: string): number {
  return kinds.filter((k) => k === kind).length;
}

/** `rule severity file:line` lines for compact assertions. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`);
}

export function pkg(name: string, dependencies: Record<string, string>): string {
  return `${JSON.stringify({ name, version: '1.0.0', private: true, dependencies }, null, 2)}\n`;
}
