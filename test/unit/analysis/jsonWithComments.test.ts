import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseJsonWithComments } from '../../../src/core/analysis/runtime/jsonWithComments';

// tsconfig files are read without the compiler: the result must be what TypeScript's reader gives.
const CONFIGS = [
  '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }',
  '// base config\n{\n  /* options */\n  "compilerOptions": {\n    "baseUrl": "./", // the root\n    "paths": { "@app/*": ["apps/*",], },\n  },\n}\n',
  '{ "extends": "./tsconfig.base.json", "include": ["src/**/*", "// not a comment", "a/*b*/c"] }',
  '{ "compilerOptions": { "outDir": "dist\\\\out \\" // still a string" } }',
];

describe('JSON with comments', () => {
  it.each(CONFIGS)('reads %j as TypeScript does', (text) => {
    expect(parseJsonWithComments(text)).toEqual(ts.parseConfigFileTextToJson('tsconfig.json', text).config);
  });

  it('gives undefined for what is not JSON with comments', () => {
    expect(parseJsonWithComments('{ compilerOptions: { } }')).toBeUndefined();
    expect(parseJsonWithComments('')).toBeUndefined();
  });
});
