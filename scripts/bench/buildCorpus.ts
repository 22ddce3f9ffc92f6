// `npx tsx scripts/bench/buildCorpus.ts`: builds (or reuses) the benchmark corpus and prints its size.
import { buildCorpus } from './corpus.js';
import { benchPaths } from './paths.js';

const paths = benchPaths();
const stats = buildCorpus(paths.corpusList, paths.corpusDir, paths.tarballDir, (m) => console.error(m));
console.log(`${paths.corpusDir}: ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.lines} lines`);
