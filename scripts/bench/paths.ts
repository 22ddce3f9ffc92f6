// Where the benchmark finds its inputs and keeps its cache; everything lives under the ignored `.cache/`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchPaths {
  repoRoot: string;
  corpusList: string;
  corpusDir: string;
  tarballDir: string;
  cliBundle: string;
}

export function benchPaths(): BenchPaths {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return {
    repoRoot,
    // The list sits beside the repository, in the project's shared folder (`../shared`).
    corpusList: process.env.EA_CORPUS_LIST ?? path.resolve(repoRoot, '..', 'shared', 'bench', 'corpus-packages.txt'),
    corpusDir: path.join(repoRoot, '.cache', 'bench-corpus'),
    tarballDir: path.join(repoRoot, '.cache', 'bench-tarballs'),
    cliBundle: path.join(repoRoot, 'dist', 'cli.js'),
  };
}
