// The document as YAML, the form AsyncAPI Studio and EventCatalog open. One function for the CLI and the
// extension so both write the same bytes. Anchors/aliases are off: every `$ref` stays an explicit reference.
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

export function asyncApiYaml(document: Record<string, unknown>): string {
  // Required on first use, not imported: in the extension the YAML library is a bundle of its own
  // (dist/yaml.js, see scripts/build.mjs) that only an AsyncAPI export loads, not every activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yaml ??= require('yaml') as typeof Yaml;
  return yaml.stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
