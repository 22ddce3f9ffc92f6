// `--format sarif`: SARIF 2.1.0 for code-scanning UIs. Rule findings are results at their severity's level
// (sarifFindings.ts); every detection is an informational `note`, each detection kind a rule. Files are
// artifacts relative to their root through `originalUriBaseIds` (ROOT0, ROOT1, …) so the log stays valid
// when the checkout moves.
import { pathToFileURL } from 'node:url';
import type { AnalysisResult, Detection } from '../../core/analysis/types';
import { DETECTION_KINDS } from '../../core/analysis/types';
import type { RuleOutcome } from '../findings';
import { NO_FINDINGS } from '../findings';
import { KIND_TEXT } from '../kinds';
import { TOOL_DISPLAY_NAME, TOOL_INFORMATION_URI, TOOL_VERSION } from '../version';
import type { RootOf } from './jsonReport';
import type { ArtifactLocation } from './sarifFindings';
import { findingResults, findingRuleDescriptors, ruleErrorNotifications } from './sarifFindings';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A relative file path as a URI reference: each segment percent-encoded, slashes kept. */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The root folder as an absolute `file:` URI ending in `/`, as SARIF requires of a base URI. */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function baseId(root: number): string {
  return `ROOT${root}`;
}

function message(d: Detection): string {
  const where = d.enclosingFunction ? ` in ${d.enclosingFunction}` : '';
  const channel = d.channel === null ? 'channel not statically known' : `${d.channelIsPattern ? 'pattern' : 'channel'} "${d.channel}"`;
  return `${KIND_TEXT[d.kind].short}: ${channel} (${d.library}, service ${d.service})${where}.`;
}

export function toSarif(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS): object {
  const artifacts: Array<{ location: ArtifactLocation }> = [];
  const artifactIndex = new Map<string, number>();
  const artifactFor = (file: string, root: number): ArtifactLocation => {
    const key = `${root}\u0000${file}`;
    let index = artifactIndex.get(key);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(key, index);
      artifacts.push({ location: { uri: relativeUri(file), uriBaseId: baseId(root) } });
    }
    return { uri: relativeUri(file), uriBaseId: baseId(root), index };
  };

  const kindRules = DETECTION_KINDS.map((kind) => ({
    id: kind,
    name: KIND_TEXT[kind].name,
    shortDescription: { text: KIND_TEXT[kind].short },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['event-flow', kind.split('.')[0] ?? kind] },
  }));
  const ruleIndex = new Map<string, number>(DETECTION_KINDS.map((k, i) => [k, i]));

  // Findings first: they are what a reader acts on; detections are the map they were found on.
  const findings = findingResults(rules.findings, result.roots, kindRules.length, artifactFor);
  const detections = result.detections.map((d) => ({
    ruleId: d.kind,
    ruleIndex: ruleIndex.get(d.kind) ?? -1,
    level: 'note',
    message: { text: message(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactFor(d.file, rootOf(d)),
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
        ...(d.enclosingFunction ? { logicalLocations: [{ fullyQualifiedName: d.enclosingFunction, kind: 'function' }] } : {}),
      },
    ],
    // Lets code-scanning UIs follow a finding across runs even when lines move.
    partialFingerprints: { eventArchitectId: `${d.kind}|${d.service}|${d.file}|${d.enclosingFunction ?? ''}|${d.channel ?? ''}` },
    properties: { broker: d.broker, role: d.role, library: d.library, channel: d.channel, service: d.service },
  }));

  const skipped = result.skipped.map((s) => ({
    level: 'warning',
    message: { text: `Skipped ${s.file}: ${s.detail} (${s.reason}).` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(s.file), uriBaseId: baseId(rootOf(s)) } } }],
    properties: { reason: s.reason },
  }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_DISPLAY_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_INFORMATION_URI,
            rules: [...kindRules, ...findingRuleDescriptors()],
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [...ruleErrorNotifications(rules.ruleErrors, kindRules.length), ...skipped],
          },
        ],
        originalUriBaseIds: Object.fromEntries(result.roots.map((root, i) => [baseId(i), { uri: rootUri(root) }])),
        artifacts,
        results: [...findings, ...detections],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function renderSarif(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS): string {
  return `${JSON.stringify(toSarif(result, rootOf, rules), null, 2)}\n`;
}
