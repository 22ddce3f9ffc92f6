// Scaffolds are data: a scaffold turns parameters into files or insertions; the host writes them, the
// tests run them. Nothing here touches the editor or the disk.
import type { PrincipleId } from '../principles/types';

export interface ScaffoldParameter {
  /** Placeholder name used in templates, e.g. `table`. */
  name: string;
  label: string;
  default: string;
  /** Validation: identifiers, channel names… A hostile value must be rejected, not injected. */
  pattern?: RegExp;
  /** Values refused even though they match the pattern (SQL reserved words for table names). */
  reserved?: ReadonlySet<string>;
}

export interface ScaffoldVariant {
  id: string;
  label: string;
  /** What the workspace must use for this variant to be offered first, e.g. `pg`, `express`, `kafkajs`. */
  prefers?: string[];
  /** npm packages the generated code imports (for the user and for the proof tests). */
  dependencies: string[];
}

/** A file a scaffold produces. `content` is final text after parameters are applied. */
export interface ScaffoldFile {
  /** POSIX path relative to the target folder. */
  path: string;
  content: string;
  language: 'typescript' | 'typescriptreact' | 'sql' | 'prisma' | 'nginx' | 'caddyfile' | 'json';
  /**
   * The same text as a VS Code snippet body (tab stops `${1:name}`) for single-file insertion, when the
   * scaffold supports it.
   */
  snippet?: string;
}

export interface ScaffoldOutput {
  files: ScaffoldFile[];
  /** Short next steps shown after insertion (install packages, run the migration…). */
  notes: string[];
}

export interface Scaffold {
  id: string;
  title: string;
  /** The principle it implements. */
  principle: PrincipleId;
  description: string;
  variants: ScaffoldVariant[];
  parameters: ScaffoldParameter[];
  /** Single-file scaffolds are also contributed as snippets with this prefix (`ea-…`). */
  snippetPrefix?: string;
  generate(variantId: string, params: Record<string, string>): ScaffoldOutput;
}
