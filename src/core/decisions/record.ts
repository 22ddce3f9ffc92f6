// "Save as decision record": a walk written as a Markdown architecture decision record in the MADR
// format (Context and Problem Statement, Considered Options, Decision Outcome, Consequences), with each
// answer, who gave it (the code or the user) and the evidence linked to the code. Numbered after the
// records already in the folder, whether adr-tools (`0001-record-architecture-decisions.md`) or MADR wrote
// them. Pure text: the host writes the file.
import { getPrinciple } from '../principles/catalog';
import { citePrinciple } from '../principles/types';
import { visibleText } from '../text';
import { answeredSteps } from './answeredWalk';
import type { Evidence, PreAnswers } from './preanswer';
import type { DecisionTree, LeafNode } from './types';
import { nodeAt } from './walk';

/** Where records go when the workspace names no folder of its own (adr-tools' `.adr-dir`, an existing `doc/adr`). */
export const DEFAULT_RECORD_DIR = 'docs/adr';
const RECORD_NAME = /^(\d{4})-[^/]*\.md$/i;
const SLUG_CAP = 60;

/** The number after the highest `NNNN-*.md` among `names` (file names of the records folder). */
export function nextRecordNumber(names: readonly string[]): number {
  let highest = 0;
  for (const name of names) {
    const m = RECORD_NAME.exec(name);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return highest + 1;
}

/** A file-name slug: ASCII letters and digits joined by `-`, at most SLUG_CAP characters. */
export function recordSlug(title: string): string {
  const full = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= SLUG_CAP) return full || 'decision';
  // Cut at a word boundary when one is near: `…-redis-pub` rather than `…-redis-pub-s`.
  const cut = full.slice(0, SLUG_CAP + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > SLUG_CAP / 2 ? cut.slice(0, boundary) : cut.slice(0, SLUG_CAP)).replace(/-+$/g, '');
}

export function recordFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${recordSlug(title)}.md`;
}

export interface RecordInput {
  tree: DecisionTree;
  /** The answered path (user path extended by pre-answers), ending at a leaf. */
  path: readonly string[];
  pre: PreAnswers;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Absolute root the record is saved under, and the record's folder relative to it (POSIX). */
  recordRoot: string;
  recordDir: string;
}

export interface DecisionRecord {
  title: string;
  markdown: string;
}

/** Table cells and headings: one line, hidden characters visible. */
function line(text: string): string {
  return visibleText(text, { flatten: true });
}

/** A link from the record to the evidence when both lie under the same root; else the path as text. */
function evidenceLink(e: Evidence, input: RecordInput): string {
  const where = `${e.file}:${e.line}`;
  if (e.root !== input.recordRoot) return `${line(e.text)} (\`${line(where)}\`)`;
  const up = input.recordDir.split('/').filter((s) => s.length > 0).map(() => '..');
  const target = [...up, ...e.file.split('/')].map(encodeURIComponent).join('/');
  return `[${line(e.text)}](${target}#L${e.line}) (\`${line(where)}\`)`;
}

function leafOf(tree: DecisionTree, path: readonly string[]): LeafNode | undefined {
  const last = path[path.length - 1];
  const node = last === undefined ? undefined : nodeAt(tree, last);
  return node?.kind === 'leaf' ? node : undefined;
}

/** The record of a walk that reached a recommendation; undefined while a question is still open. */
export function decisionRecord(input: RecordInput): DecisionRecord | undefined {
  const { tree, path, pre } = input;
  const leaf = leafOf(tree, path);
  if (!leaf) return undefined;
  const title = `${tree.title} ${leaf.title}`;
  const steps = answeredSteps(tree, path, pre);
  const principle = getPrinciple(leaf.principle);
  const out: string[] = ['---', 'status: accepted', `date: ${input.date}`, '---', '', `# ${line(title)}`, ''];

  out.push('## Context and Problem Statement', '', `${line(tree.title)} ${line(tree.description)}`, '');
  out.push(
    'The questions below were answered with Event Architect; answers marked *from the code* were read from the',
    'workspace (the evidence links to it), the others were given by the team.',
    '',
  );
  for (const [i, step] of steps.entries()) {
    if (step.node.kind !== 'question') continue;
    const answer = step.node.answers.find((a) => a.next === step.chosenNext);
    if (!answer) continue;
    const by =
      step.source === 'code' ? 'from the code' : step.source === 'override' ? `our answer, overriding the code’s “${line(answerLabel(tree, step.key, step.pre?.next))}”` : 'our answer';
    out.push(`${i + 1}. **${line(step.node.prompt)}** — ${line(answer.label)} (*${by}*)`);
    if (step.pre && step.source === 'code') {
      out.push(`   ${line(step.pre.reason)}`);
      for (const e of step.pre.evidence) out.push(`   - ${evidenceLink(e, input)}`);
      if (step.pre.caveat) out.push(`   - Note: ${line(step.pre.caveat)}`);
    } else if (step.pre) {
      out.push(`   The code suggested otherwise: ${line(step.pre.reason)}`);
      for (const e of step.pre.evidence) out.push(`   - ${evidenceLink(e, input)}`);
    }
  }
  out.push('');

  out.push('## Considered Options', '');
  for (const node of Object.values(tree.nodes)) {
    if (node.kind === 'leaf') out.push(`* ${line(node.title)}${node === leaf ? ' (chosen)' : ''}`);
  }
  out.push('');

  out.push('## Decision Outcome', '', `Chosen option: “${line(leaf.title)}”, because of what the workspace needs: ${line(leaf.recommendation)}`, '');
  if (leaf.scaffoldId) {
    out.push(`Scaffold: \`${leaf.scaffoldId}\`${leaf.variantId ? ` (\`${leaf.variantId}\`)` : ''}, inserted with *Event Architect: Insert Scaffold…*.`, '');
  }
  out.push('### Consequences', '');
  out.push(`* Good, because it follows “${line(principle?.title ?? leaf.principle)}”: ${line(leaf.grounding.quote)}`);
  for (const note of leaf.notes) out.push(`* Neutral, because it comes with a follow-up: ${line(note)}`);
  out.push('');

  out.push('## More Information', '');
  if (principle) out.push(`Principle: ${citePrinciple(principle)}.`, '');
  return { title, markdown: `${out.join('\n')}` };
}

function answerLabel(tree: DecisionTree, key: string, next: string | undefined): string {
  const node = nodeAt(tree, key);
  return (node?.kind === 'question' ? node.answers.find((a) => a.next === next)?.label : undefined) ?? '';
}
