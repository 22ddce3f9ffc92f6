// The Insert Scaffold dialogue: the scaffold (title-first matching, its principle and the stack detected
// for the target beside it), the variant (the service's libraries first), the target service when no
// file says it, and one confirmation listing the pre-filled values and where the files will go.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analysis/types';
import { getPrinciple } from '../../core/principles';
import { rankScaffolds } from '../../core/scaffolds/fit';
import { rankVariants, validateParameter } from '../../core/scaffolds/plan';
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../../core/scaffolds/types';

export interface ServiceChoice {
  name: string;
  /** Absolute folder of the service's package.json. */
  root: string;
  libraries: string[];
}

/** Services of the index with their absolute folders (the first analysis root that holds them). */
export function indexedServices(result: AnalysisResult | undefined): ServiceChoice[] {
  if (!result) return [];
  const out: ServiceChoice[] = [];
  for (const [name, s] of Object.entries(result.services)) {
    const root = result.roots.map((r) => path.join(r, s.root)).find((p) => fs.existsSync(path.join(p, 'package.json')));
    if (root) out.push({ name, root, libraries: s.libraries });
  }
  return out;
}

const STACK = new Set(['express', 'fastify', 'hono', 'next', '@nestjs/core', 'pg', 'mysql2', 'better-sqlite3', 'prisma', '@prisma/client', 'drizzle-orm', 'kafkajs', 'bullmq', 'nats', 'amqplib', 'ioredis', 'redis', 'socket.io', 'ws', '@trpc/server', '@tanstack/react-query', 'react']);

/** Scaffold quick pick whose order follows the query: titles first ("SSE" → SSE endpoint). */
export async function pickScaffold(libraries: ReadonlySet<string>, scaffolds?: readonly Scaffold[]): Promise<Scaffold | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { scaffold: Scaffold }>();
  qp.title = 'Event Architect: Insert Scaffold';
  qp.placeholder = 'Which scaffold? (principle and the stack it fits on the right)';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  // Our ranking decides the order; VS Code only filters.
  (qp as { sortByLabel?: boolean }).sortByLabel = false;
  const itemsFor = (query: string) =>
    rankScaffolds(query, scaffolds).map(({ scaffold }) => {
      const best = rankVariants(scaffold, libraries)[0];
      const stack = (best?.matched ?? []).filter((l) => STACK.has(l));
      return {
        scaffold,
        label: scaffold.title,
        description: `${getPrinciple(scaffold.principle).title}${stack.length > 0 ? ` · fits ${stack.join(', ')}` : ''}`,
        detail: scaffold.description,
      };
    });
  qp.items = itemsFor('');
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: Scaffold | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidChangeValue((value) => {
      qp.items = itemsFor(value);
    });
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.scaffold ?? qp.activeItems[0]?.scaffold));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

export async function pickVariant(scaffold: Scaffold, libraries: ReadonlySet<string>): Promise<ScaffoldVariant | undefined> {
  const ranked = rankVariants(scaffold, libraries);
  if (ranked.length === 1) return ranked[0]?.variant;
  const picked = await vscode.window.showQuickPick(
    ranked.map(({ variant, matched }) => ({
      variant,
      label: variant.label,
      description: matched.length > 0 ? `$(check) uses ${matched.join(', ')}` : undefined,
      detail: `needs ${variant.dependencies.join(', ') || 'no packages'}`,
    })),
    { title: `${scaffold.title}: variant`, placeHolder: 'Variants that match the libraries of the target come first' },
  );
  return picked?.variant;
}

/** The service to insert into when no file names it: the one whose libraries fit the variant best first. */
export async function pickService(services: readonly ServiceChoice[], variant: ScaffoldVariant, interactive: boolean): Promise<ServiceChoice | undefined> {
  const prefers = variant.prefers ?? [];
  const ranked = services
    .filter((s) => s.libraries.length > 0)
    .map((s) => ({ s, score: prefers.filter((p) => s.libraries.includes(p)).length }))
    .sort((a, b) => b.score - a.score);
  if (!interactive || ranked.length <= 1) return ranked[0]?.s;
  const picked = await vscode.window.showQuickPick(
    ranked.map(({ s, score }) => ({ s, label: s.name, description: vscode.workspace.asRelativePath(s.root), detail: score > 0 ? `uses ${prefers.filter((p) => s.libraries.includes(p)).join(', ')}` : undefined })),
    { title: 'Insert into which service?', placeHolder: 'Services whose libraries fit the variant come first' },
  );
  return picked?.s;
}

/**
 * One confirmation: Enter inserts with the pre-filled values; choosing a value edits it (validated as
 * typed). Only the parameters the variant uses are listed. Undefined when cancelled.
 */
export async function confirmParameters(
  title: string,
  where: string,
  parameters: readonly ScaffoldParameter[],
  values: Record<string, string>,
  filesFor: (values: Record<string, string>) => string[],
): Promise<Record<string, string> | undefined> {
  const current = { ...values };
  for (;;) {
    const files = filesFor(current);
    const insert = { label: '$(check) Insert', description: where, detail: files.length > 0 ? files.join(', ') : undefined, parameter: undefined as ScaffoldParameter | undefined };
    const items = [insert, ...parameters.map((p) => ({ label: p.label, description: current[p.name] ?? p.default, detail: undefined, parameter: p }))];
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Enter inserts with these values; pick a value to change it' });
    if (!picked) return undefined;
    const parameter = picked.parameter;
    if (!parameter) return current;
    const value = await vscode.window.showInputBox({
      title: `${title}: ${parameter.label}`,
      value: current[parameter.name] ?? parameter.default,
      validateInput: (v) => validateParameter(parameter, v),
    });
    if (value !== undefined) current[parameter.name] = value;
  }
}
