// VS Code snippet files generated from the scaffold library, so an `ea-…` snippet and the Insert
// Scaffold command can never drift apart. Run at build time (scripts/build.mjs) into dist/snippets/.
import type { Scaffold, ScaffoldFile } from './types';

export interface SnippetEntry {
  prefix: string;
  body: string[];
  description: string;
}

/** Snippet languages we contribute; package.json › contributes.snippets lists one file for each. */
export const SNIPPET_LANGUAGES = ['typescript', 'typescriptreact', 'sql', 'prisma', 'nginx', 'caddyfile'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

/**
 * One snippet per single-file variant of every scaffold with a `snippetPrefix`: `ea-sse-express`,
 * `ea-outbox-table-postgres`… TypeScript snippets are offered in TSX files too.
 */
export function buildSnippets(scaffolds: readonly Scaffold[]): Record<SnippetLanguage, Record<string, SnippetEntry>> {
  const out = Object.fromEntries(SNIPPET_LANGUAGES.map((l) => [l, {}])) as Record<SnippetLanguage, Record<string, SnippetEntry>>;
  for (const scaffold of scaffolds) {
    if (!scaffold.snippetPrefix) continue;
    const params = Object.fromEntries(scaffold.parameters.map((p) => [p.name, p.default]));
    for (const variant of scaffold.variants) {
      const files = scaffold.generate(variant.id, params).files;
      const file: ScaffoldFile | undefined = files.length === 1 ? files[0] : undefined;
      if (!file?.snippet) continue;
      const prefix = scaffold.variants.length === 1 ? scaffold.snippetPrefix : `${scaffold.snippetPrefix}-${variant.id}`;
      const entry: SnippetEntry = { prefix, body: file.snippet.split('\n'), description: `${scaffold.title} — ${variant.label} (Event Architect)` };
      const name = `${scaffold.title} (${variant.label})`;
      const languages: SnippetLanguage[] = file.language === 'typescript' ? ['typescript', 'typescriptreact'] : file.language === 'json' ? [] : [file.language];
      for (const language of languages) out[language][name] = entry;
    }
  }
  return out;
}
