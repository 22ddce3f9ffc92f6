// Which files the index reads; anything else never reaches the worker (the watcher's glob and the
// per-event check must agree). Pure, so the update tests filter events exactly as the host does.

export const INDEXED_GLOB = '**/{*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,*.vue,*.svelte,*.sql,*.prisma,package.json}';
const INDEXED_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|sql|prisma)$|(?:^|[\\/])package\.json$/;

export function isIndexedPath(fsPath: string): boolean {
  return INDEXED_FILE.test(fsPath);
}
