// Files the analysis reads besides the indexed ones: tsconfig/jsconfig files (their `paths`) and whether
// they exist in each folder looked at. The persistent cache keeps the whole result of a workspace only
// with this record, and reuses it only when every one of these reads would still give the same answer.
import fs from 'node:fs';
import { contentHash } from './persistentCache';

/** A read and its answer: `read:<path>` → content hash or 'none'; `exists:<path>` → 'yes' / 'no'. */
export type ExternalRecord = [string, string][];

const MAX_TEXT_BYTES = 1024 * 1024;

function readText(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return stat.size > MAX_TEXT_BYTES ? null : fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function answer(key: string): string {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const file = key.slice(colon + 1);
  if (kind === 'exists') return fs.existsSync(file) ? 'yes' : 'no';
  const text = readText(file);
  return text === null ? 'none' : contentHash(text);
}

export class ExternalInputs {
  private readonly seen = new Map<string, string>();

  read(file: string): string | null {
    const text = readText(file);
    this.seen.set(`read:${file}`, text === null ? 'none' : contentHash(text));
    return text;
  }

  exists(file: string): boolean {
    const yes = fs.existsSync(file);
    this.seen.set(`exists:${file}`, yes ? 'yes' : 'no');
    return yes;
  }

  record(): ExternalRecord {
    return [...this.seen];
  }

  /** Would every recorded read give the same answer now? */
  static unchanged(record: ExternalRecord): boolean {
    return record.every(([key, value]) => answer(key) === value);
  }
}
