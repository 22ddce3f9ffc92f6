// The format of a labelled case's `expected.json`, and its validation. Kept free of file-system access
// (the caller hands in file contents) so the unit tests can exercise every rule directly.
import { z } from 'zod';
import { DETECTION_KINDS, type DetectionKind } from '../../src/core/analysis/types';

export interface ExpectedDetection {
  file: string;
  line: number;
  kind: DetectionKind;
  channel: string | null;
}

export interface ExpectedCase {
  description: string;
  detections: ExpectedDetection[];
}

const expectedDetectionSchema = z.strictObject({
  file: z.string().min(1),
  line: z.int().positive(),
  kind: z.enum(DETECTION_KINDS),
  channel: z.string().min(1).nullable(),
});

const expectedCaseSchema = z.strictObject({
  description: z.string().min(1),
  detections: z.array(expectedDetectionSchema),
});

export type ParseResult = { ok: true; value: ExpectedCase } | { ok: false; errors: string[] };

/** Checks the JSON shape only; `checkAgainstFiles` then checks it against the case's sources. */
export function parseExpected(json: unknown): ParseResult {
  const parsed = expectedCaseSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, errors };
}

/**
 * Returns the text of a case file (path relative to the case folder) or undefined when it is absent.
 * Injected so the checks stay pure.
 */
export type ReadCaseFile = (file: string) => string | undefined;

/** Splits like editors count lines: `\r\n`, `\r` and `\n` all end a line; a final newline adds none. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Validates each expected detection against the case's files: a POSIX relative path to an existing file,
 * a line inside it that is not blank (a blank line is always an off-by-one), and no exact duplicates.
 */
export function checkAgainstFiles(expected: ExpectedCase, readFile: ReadCaseFile): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  const cache = new Map<string, string[] | undefined>();
  expected.detections.forEach((d, index) => {
    const where = `detections[${index}] (${d.file}:${d.line} ${d.kind})`;
    if (d.file.includes('\\') || d.file.startsWith('/') || d.file.split('/').includes('..')) {
      errors.push(`${where}: file must be a POSIX path relative to the case folder`);
      return;
    }
    if (!cache.has(d.file)) {
      const text = readFile(d.file);
      cache.set(d.file, text === undefined ? undefined : splitLines(text));
    }
    const lines = cache.get(d.file);
    if (lines === undefined) {
      errors.push(`${where}: file does not exist`);
      return;
    }
    if (d.line > lines.length) {
      errors.push(`${where}: line is past the end of the file (${lines.length} lines)`);
    } else if ((lines[d.line - 1] ?? '').trim() === '') {
      errors.push(`${where}: line is blank`);
    }
    const key = `${d.file}\u0000${d.line}\u0000${d.kind}\u0000${d.channel ?? ''}`;
    if (seen.has(key)) errors.push(`${where}: duplicate of an earlier entry`);
    seen.add(key);
  });
  return errors;
}
