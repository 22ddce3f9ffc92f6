// The document as YAML, the form AsyncAPI Studio and EventCatalog open. One function for the CLI and the
// extension so both write the same bytes. Anchors/aliases are off: every `$ref` stays an explicit reference.
import { stringify } from 'yaml';

export function asyncApiYaml(document: Record<string, unknown>): string {
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
