// `--format asyncapi`: the AsyncAPI 3.0 document of src/core/asyncapi as YAML. With one DIR, the title and
// version are its package.json's, as the extension's export does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../../core/analysis/types';
import { asyncApiYaml, buildAsyncApiDocument, optionsFromPackageJson } from '../../core/asyncapi';
import type { ConfigFile } from '../../core/rules/types';

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function asyncApiText(result: AnalysisResult, configs: readonly ConfigFile[]): string {
  const root = result.roots.length === 1 ? result.roots[0] : undefined;
  const options = root === undefined ? {} : optionsFromPackageJson(readOrUndefined(path.join(root, 'package.json')));
  return asyncApiYaml(buildAsyncApiDocument(result, configs, options));
}
