// Reads the seed document's principle format so the catalog can be checked against it sentence by
// sentence. Pure: the caller passes the markdown text.
import type { Principle } from './types';

export interface SeedPrinciple {
  title: string;
  what: string;
  why: string;
  when: string;
  whenNot: string;
  source: string;
}

const FIELDS: readonly [keyof Omit<SeedPrinciple, 'title'>, string][] = [
  ['what', 'What'],
  ['why', 'Why'],
  ['when', 'When'],
  ['whenNot', 'When NOT'],
  ['source', 'Source'],
];

/** Parses every `### Title` section with its `- **What:**`-style bullets. Throws on a malformed section. */
export function parseSeedPrinciples(markdown: string): SeedPrinciple[] {
  const sections = markdown.replace(/\r\n/g, '\n').split('\n### ').slice(1);
  return sections.map((section) => {
    const [titleLine = '', ...lines] = section.split('\n');
    const title = titleLine.trim();
    const entry: SeedPrinciple = { title, what: '', why: '', when: '', whenNot: '', source: '' };
    for (const [key, label] of FIELDS) {
      const prefix = `- **${label}:**`;
      const line = lines.find((l) => l.startsWith(prefix));
      if (line === undefined) throw new Error(`Seed principle "${title}" has no ${label} bullet`);
      entry[key] = line.slice(prefix.length).trim();
    }
    return entry;
  });
}

/** Splits prose into sentences at a terminal mark followed by a space and an uppercase letter or symbol. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:;])\s+(?=[A-Z(~"`'])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Every difference between the catalog and the seed: a seed sentence missing from the catalog, a
 * catalog sentence the seed does not have, a principle present on one side only. Empty means equal.
 */
export function compareWithSeed(catalog: readonly Principle[], seed: readonly SeedPrinciple[]): string[] {
  const problems: string[] = [];
  const byTitle = new Map(catalog.map((p) => [p.title, p]));
  for (const s of seed) {
    const p = byTitle.get(s.title);
    if (!p) {
      problems.push(`missing principle: ${s.title}`);
      continue;
    }
    byTitle.delete(s.title);
    // The seed's Source bullet is an internal research path users cannot open: the catalog cites the seed
    // document itself instead (see SEED_SOURCE), so that bullet is not compared.
    const pairs: [string, string, string][] = [
      ['What', s.what, p.what],
      ['Why', s.why, p.why],
      ['When', s.when, p.when],
      ['When not', s.whenNot, p.whenNot],
    ];
    for (const [label, seedText, ours] of pairs) {
      const mine = new Set(splitSentences(ours));
      const theirs = new Set(splitSentences(seedText));
      for (const sentence of theirs) if (!mine.has(sentence)) problems.push(`${s.title} › ${label}: lost "${sentence}"`);
      for (const sentence of mine) if (!theirs.has(sentence)) problems.push(`${s.title} › ${label}: invented "${sentence}"`);
    }
  }
  for (const title of byTitle.keys()) problems.push(`not in the seed: ${title}`);
  return problems;
}
