// Pure planning for scaffold insertion: which variant suits the workspace, and what writing the files
// would do to what is already there. The host asks the user and applies; this decides nothing on disk.
import { reservedMessage } from './params';
import type { Scaffold, ScaffoldFile, ScaffoldParameter, ScaffoldVariant } from './types';

export interface RankedVariant {
  variant: ScaffoldVariant;
  /** Workspace libraries this variant prefers that the workspace really uses. */
  matched: string[];
}

/** Variants whose preferred libraries the workspace uses come first; declared order breaks ties. */
export function rankVariants(scaffold: Scaffold, workspaceLibraries: ReadonlySet<string>): RankedVariant[] {
  return scaffold.variants
    .map((variant, index) => ({ variant, index, matched: (variant.prefers ?? []).filter((lib) => workspaceLibraries.has(lib)) }))
    .sort((a, b) => b.matched.length - a.matched.length || a.index - b.index)
    .map(({ variant, matched }) => ({ variant, matched }));
}

export type FileAction = 'create' | 'identical' | 'conflict';

export interface PlannedFile {
  file: ScaffoldFile;
  action: FileAction;
}

/**
 * Compares each generated file with what exists. `identical` files are skipped, so inserting a
 * scaffold twice never duplicates it; `conflict` files are overwritten only if the user says so.
 */
export function planFiles(files: readonly ScaffoldFile[], existing: (path: string) => string | undefined): PlannedFile[] {
  return files.map((file) => {
    const current = existing(file.path);
    if (current === undefined) return { file, action: 'create' };
    return { file, action: normalize(current) === normalize(file.content) ? 'identical' : 'conflict' };
  });
}

/** True when `text` already holds the generated block (whitespace-insensitive), for in-file insertion. */
export function containsGenerated(text: string, generated: string): boolean {
  const block = normalize(generated);
  return block.length > 0 && normalize(text).includes(block);
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Validates one parameter value; returns an error message or undefined. */
export function validateParameter(parameter: ScaffoldParameter, value: string): string | undefined {
  if (value.trim().length === 0) return `${parameter.label} is required.`;
  if (value.length > 200) return `${parameter.label} is too long (200 characters at most).`;
  if (parameter.pattern && !parameter.pattern.test(value)) return `${parameter.label} must match ${parameter.pattern.source}.`;
  return reservedMessage(parameter, value);
}
