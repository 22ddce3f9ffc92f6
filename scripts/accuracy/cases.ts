// Finds the labelled cases (`test/fixtures/analysis/<family>/<case>/expected.json`) and loads their labels.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkAgainstFiles, parseExpected, type ExpectedCase } from './expected';

export interface LabelledCase {
  /** `<family>/<case>`, POSIX. */
  id: string;
  family: string;
  dir: string;
  expected: ExpectedCase;
}

export interface CaseLoadError {
  id: string;
  errors: string[];
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads a file relative to a case folder; undefined when missing or not a regular file. */
export function caseFileReader(caseDir: string): (file: string) => string | undefined {
  return (file) => {
    const full = path.join(caseDir, ...file.split('/'));
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full, 'utf8');
  };
}

/**
 * Loads every case under `fixturesRoot`. A folder without `expected.json` is reported as an error rather than
 * silently skipped, so a forgotten label cannot shrink the benchmark unnoticed.
 */
export function loadCases(fixturesRoot: string): { cases: LabelledCase[]; errors: CaseLoadError[] } {
  const cases: LabelledCase[] = [];
  const errors: CaseLoadError[] = [];
  if (!existsSync(fixturesRoot)) return { cases, errors: [{ id: fixturesRoot, errors: ['fixtures folder not found'] }] };
  for (const family of subdirectories(fixturesRoot)) {
    for (const name of subdirectories(path.join(fixturesRoot, family))) {
      const loaded = loadCase(`${family}/${name}`, family, path.join(fixturesRoot, family, name));
      if ('errors' in loaded) errors.push(loaded);
      else cases.push(loaded);
    }
  }
  return { cases, errors };
}

/** Loads one labelled folder (a fixture case, or a whole workspace such as examples/shop). */
export function loadCase(id: string, family: string, dir: string): LabelledCase | CaseLoadError {
  const file = path.join(dir, 'expected.json');
  if (!existsSync(file)) return { id, errors: ['expected.json is missing'] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { id, errors: [`expected.json is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = parseExpected(json);
  if (!parsed.ok) return { id, errors: parsed.errors };
  const fileErrors = checkAgainstFiles(parsed.value, caseFileReader(dir));
  if (fileErrors.length > 0) return { id, errors: fileErrors };
  return { id, family, dir, expected: parsed.value };
}
