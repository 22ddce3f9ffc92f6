import { readFileSync } from 'node:fs';
import { extractFacts } from '../src/core/analysis/extract/extract';
const f = process.argv[2]!;
console.log(JSON.stringify(extractFacts(f, 'code', readFileSync(f, 'utf8')), null, 1));
