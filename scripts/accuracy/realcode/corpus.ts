// The real-code corpus: `test/realcode/manifest.json` (which repositories, at which commit, which folders
// are labelled) and `test/realcode/labels/<owner>__<name>.jsonl` (one label a line, see the labelling
// conventions in docs/detections.md). Validated strictly, so a typo in a label cannot silently shrink the grade.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DETECTION_KINDS, type DetectionKind } from '../../../src/core/analysis/types';

const commitSchema = z.string().regex(/^[0-9a-f]{40}$/, 'a 40-hex commit');
const repoSchema = z.string().regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, 'owner/name');

const manifestEntrySchema = z.object({
  repo: repoSchema,
  commit: commitSchema,
  license: z.string().min(1),
  subpaths: z.array(z.string()).min(1),
  why: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

const TRAP_KINDS = DETECTION_KINDS.map((k) => `trap:${k}` as const);
const labelSchema = z.object({
  repo: repoSchema,
  commit: commitSchema,
  path: z.string().min(1),
  line: z.int().positive(),
  kind: z.enum([...DETECTION_KINDS, ...TRAP_KINDS] as [string, ...string[]]),
  channel: z.string().nullable(),
  note: z.string().optional(),
});

/** A label as graded: a detection that must be found (strict) or may be found (optional), or a trap. */
export interface RealLabel {
  file: string;
  line: number;
  kind: DetectionKind;
  channel: string | null;
  trap: boolean;
  /** A note starting with `ambiguous:`: matching it counts, missing it does not. */
  optional: boolean;
  note: string;
}

export interface RepoLabels {
  entry: ManifestEntry;
  labels: RealLabel[];
  errors: string[];
}

export function labelFileName(repo: string): string {
  return `${repo.replace('/', '__')}.jsonl`;
}

export function loadManifest(corpusRoot: string): { entries: ManifestEntry[]; errors: string[] } {
  const file = path.join(corpusRoot, 'manifest.json');
  if (!existsSync(file)) return { entries: [], errors: [`${file} is missing`] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { entries: [], errors: [`manifest.json is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = z.array(manifestEntrySchema).safeParse(json);
  if (!parsed.success) {
    return { entries: [], errors: parsed.error.issues.map((i) => `manifest.json ${i.path.join('.')}: ${i.message}`) };
  }
  return { entries: parsed.data, errors: [] };
}

/** Reads one repository's labels; bad lines are reported and left out, the rest still graded. */
export function loadLabels(corpusRoot: string, entry: ManifestEntry): RepoLabels {
  const file = path.join(corpusRoot, 'labels', labelFileName(entry.repo));
  const result: RepoLabels = { entry, labels: [], errors: [] };
  if (!existsSync(file)) {
    result.errors.push(`no labels (${path.basename(file)})`);
    return result;
  }
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const where = `${path.basename(file)}:${index + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        result.errors.push(`${where}: not JSON (${(error as Error).message})`);
        return;
      }
      const parsed = labelSchema.safeParse(json);
      if (!parsed.success) {
        result.errors.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return;
      }
      const l = parsed.data;
      if (l.repo !== entry.repo) result.errors.push(`${where}: repo ${l.repo} is not ${entry.repo}`);
      else if (l.commit !== entry.commit) result.errors.push(`${where}: commit ${l.commit} is not the manifest's`);
      const trap = l.kind.startsWith('trap:');
      const note = l.note ?? '';
      result.labels.push({
        file: l.path.replace(/^\.\//, ''),
        line: l.line,
        kind: (trap ? l.kind.slice('trap:'.length) : l.kind) as DetectionKind,
        channel: l.channel,
        trap,
        optional: note.trimStart().toLowerCase().startsWith('ambiguous:'),
        note,
      });
    });
  return result;
}

/** Whether a repository-relative path lies in one of the labelled folders (`.` or `` is the whole repository). */
export function inSubpaths(file: string, subpaths: readonly string[]): boolean {
  return subpaths.some((sub) => {
    const s = sub.replace(/^\.\/?/, '').replace(/\/+$/, '');
    return s === '' || file === s || file.startsWith(`${s}/`);
  });
}
