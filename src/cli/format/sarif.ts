// `--format sarif`: SARIF 2.1.0 for code-scanning UIs. Rule findings are results at their severity's level
// (sarifFindings.ts); every detection is an informational `note`, each detection kind a rule. Files are
// artifacts relative to their root through `originalUriBaseIds` (ROOT0, ROOT1, …) so the log stays valid
// when the checkout moves.
import { pathToFileURL } from 'node:url';
import type { AnalysisResult, Detection } from '../../core/analysis/types';
import { DETECTION_KINDS } from '../../core/analysis/types';
import type { RuleOutcome } from '../findings';
import { NO_FINDINGS, rootIndexOf } from '../findings';
import { sarifMessage, sarifName } from '../../core/text/sarif';
import { KIND_TEXT } from '../kinds';
import { TOOL_DISPLAY_NAME, TOOL_INFORMATION_URI, TOOL_VERSION } from '../version';
import type { RootOf } from './jsonReport';
import { StreamedArray, jsonChunks, mapItems } from './jsonStream';
import type { ArtifactFor, ArtifactLocation } from './sarifFindings';
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

/** The result message: names from the code written out safely (hidden characters visible, capped). */
function message(d: Detection): string {
  const where = d.enclosingFunction ? ` in ${sarifName(d.enclosingFunction)}` : '';
  const channel = d.channel === null ? 'channel not statically known' : `${d.channelIsPattern ? 'pattern' : 'channel'} "${sarifName(d.channel)}"`;
  return sarifMessage(`${KIND_TEXT[d.kind].short}: ${channel} (${sarifName(d.library)}, service ${sarifName(d.service)})${where}.`);
}

/**
 * The files results point at, in order of first use (findings, their related locations, then detections),
 * registered before any result is written so each result can name its artifact's index.
 */
class Artifacts {
  readonly list: Array<{ location: ArtifactLocation }> = [];
  private readonly locations = new Map<string, ArtifactLocation>();

  readonly locationOf: ArtifactFor = (file, root) => {
    const key = `${root}\u0000${file}`;
    let location = this.locations.get(key);
    if (!location) {
      const uri = relativeUri(file);
      location = { uri, uriBaseId: baseId(root), index: this.list.length };
      this.locations.set(key, location);
      this.list.push({ location: { uri, uriBaseId: baseId(root) } });
    }
    return location;
  };
}

function detectionResult(d: Detection, root: number, ruleIndex: number, artifacts: Artifacts): object {
  return {
    ruleId: d.kind,
    ruleIndex,
    level: 'note',
    message: { text: message(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifacts.locationOf(d.file, root),
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
        ...(d.enclosingFunction ? { logicalLocations: [{ fullyQualifiedName: d.enclosingFunction, kind: 'function' }] } : {}),
      },
    ],
    // Lets code-scanning UIs follow a finding across runs even when lines move.
    partialFingerprints: { eventArchitectId: `${d.kind}|${d.service}|${d.file}|${d.enclosingFunction ?? ''}|${d.channel ?? ''}` },
    properties: { broker: d.broker, role: d.role, library: d.library, channel: d.channel, service: d.service },
  };
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

/**
 * The SARIF log as a skeleton whose big arrays (results, artifacts, notifications) are streamed: results are
 * built one at a time as they are written (see jsonStream.ts).
 */
export function sarifDocument(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS): Record<string, unknown> {
  const kindRules = DETECTION_KINDS.map((kind) => ({
    id: kind,
    name: KIND_TEXT[kind].name,
    shortDescription: { text: KIND_TEXT[kind].short },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['event-flow', kind.split('.')[0] ?? kind] },
  }));
  const ruleIndex = new Map<string, number>(DETECTION_KINDS.map((k, i) => [k, i]));

  // One pass to number the artifacts; the results then refer to them by index.
  const artifacts = new Artifacts();
  for (const f of rules.findings) {
    artifacts.locationOf(f.file, rootIndexOf(result.roots, f.root));
    for (const r of f.related ?? []) artifacts.locationOf(r.file, rootIndexOf(result.roots, r.root));
  }
  for (const d of result.detections) artifacts.locationOf(d.file, rootOf(d));

  // Findings first: they are what a reader acts on; detections are the map they were found on.
  const findings = findingResults(rules.findings, result.roots, kindRules.length, artifacts.locationOf);
  const detections = mapItems(result.detections, (d) => detectionResult(d, rootOf(d), ruleIndex.get(d.kind) ?? -1, artifacts));
  const skipped = mapItems(result.skipped, (s) => ({
    level: 'warning',
    message: { text: sarifMessage(`Skipped ${sarifName(s.file)}: ${s.detail} (${s.reason}).`) },
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
            toolExecutionNotifications: new StreamedArray(concat(ruleErrorNotifications(rules.ruleErrors, kindRules.length), skipped)),
          },
        ],
        originalUriBaseIds: Object.fromEntries(result.roots.map((root, i) => [baseId(i), { uri: rootUri(root) }])),
        artifacts: new StreamedArray(artifacts.list),
        results: new StreamedArray(concat(findings, detections)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** The `--format sarif` log as chunks of text, written one after another (never one string). */
export function* sarifChunks(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS): Generator<string> {
  yield* jsonChunks(sarifDocument(result, rootOf, rules));
  yield '\n';
}
