// `--format sarif`: SARIF 2.1.0 that GitHub code scanning accepts as it is. By default only rule findings
// are results (at their severity's level, sarifFindings.ts): every detection as a result would make each
// emit an alert. `--sarif-detections` adds the detections as `note` results under `detection/<kind>` rules
// (sarifRules.ts). Paths are relative to the repository root (repoBase.ts), declared as `SRCROOT` in
// `originalUriBaseIds`, so code scanning finds the files in the checkout.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisResult, Detection } from '../../core/analysis/types';
import type { RuleOutcome } from '../findings';
import { NO_FINDINGS, rootIndexOf } from '../findings';
import { sarifMessage, sarifName } from '../../core/text/sarif';
import { KIND_TEXT } from '../kinds';
import { TOOL_DISPLAY_NAME, TOOL_INFORMATION_URI, TOOL_VERSION } from '../version';
import type { RootOf } from './jsonReport';
import { StreamedArray, jsonChunks, mapItems } from './jsonStream';
import type { ArtifactFor, ArtifactLocation } from './sarifFindings';
import { findingResults, ruleErrorNotifications } from './sarifFindings';
import type { LineText } from './sarifFingerprint';
import { Fingerprints, diskLineText } from './sarifFingerprint';
import { detectionRuleDescriptors, detectionRuleId, findingRuleDescriptors } from './sarifRules';
import { DETECTION_KINDS } from '../../core/analysis/types';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** Detections as `note` results too (`--sarif-detections`). Default true here; the CLI defaults to false. */
  detections?: boolean;
  /** The base folder of each root (same order as `result.roots`); default: each root itself. */
  bases?: readonly string[];
  /** The text of a result's line, for fingerprints; default: read from disk. */
  lineText?: LineText;
}

/** A relative file path as a URI reference: each segment percent-encoded, slashes kept. */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The root folder as an absolute `file:` URI ending in `/`, as SARIF requires of a base URI. */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `SRCROOT` for the first base (the usual single repository), `SRCROOT2`, … for more. */
function baseId(n: number): string {
  return n === 0 ? 'SRCROOT' : `SRCROOT${n + 1}`;
}

/** Each root's base id and the POSIX prefix from its base to the root (`services/orders/` or ``). */
interface RootPlacement {
  baseId: string;
  prefix: string;
}

function placements(roots: readonly string[], bases: readonly string[] | undefined): { byRoot: RootPlacement[]; baseUris: Record<string, { uri: string }> } {
  const distinct: string[] = [];
  const byRoot = roots.map((root, i) => {
    const base = bases?.[i] ?? root;
    let n = distinct.indexOf(base);
    if (n < 0) n = distinct.push(base) - 1;
    const rel = path.relative(base, root).split(path.sep).join('/');
    return { baseId: baseId(n), prefix: rel === '' ? '' : `${rel}/` };
  });
  return { byRoot, baseUris: Object.fromEntries(distinct.map((b, n) => [baseId(n), { uri: rootUri(b) }])) };
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

  constructor(private readonly byRoot: readonly RootPlacement[]) {}

  readonly locationOf: ArtifactFor = (file, root) => {
    const key = `${root}\u0000${file}`;
    let location = this.locations.get(key);
    if (!location) {
      const place = this.byRoot[root] ?? { baseId: baseId(0), prefix: '' };
      const uri = relativeUri(`${place.prefix}${file}`);
      location = { uri, uriBaseId: place.baseId, index: this.list.length };
      this.locations.set(key, location);
      this.list.push({ location: { uri, uriBaseId: place.baseId } });
    }
    return location;
  };
}

function detectionResult(d: Detection, root: number, ruleIndex: number, artifacts: Artifacts, fingerprints: Fingerprints): object {
  const ruleId = detectionRuleId(d.kind);
  const location = artifacts.locationOf(d.file, root);
  return {
    ruleId,
    ruleIndex,
    level: 'note',
    message: { text: message(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
        ...(d.enclosingFunction ? { logicalLocations: [{ fullyQualifiedName: d.enclosingFunction, kind: 'function' }] } : {}),
      },
    ],
    partialFingerprints: fingerprints.of(ruleId, location.uri, root, d.file, d.line, d.channel ?? '', d.snippet),
    properties: { kind: d.kind, broker: d.broker, role: d.role, library: d.library, channel: d.channel, service: d.service },
  };
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

/**
 * The SARIF log as a skeleton whose big arrays (results, artifacts, notifications) are streamed: results are
 * built one at a time as they are written (see jsonStream.ts).
 */
export function sarifDocument(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS, options: SarifOptions = {}): Record<string, unknown> {
  const withDetections = options.detections ?? true;
  // Finding rules first: their indices do not move when detections are added.
  const findingRules = findingRuleDescriptors();
  const kindRules = withDetections ? detectionRuleDescriptors() : [];
  const ruleIndex = new Map<string, number>(DETECTION_KINDS.map((k, i) => [k, findingRules.length + i]));
  const { byRoot, baseUris } = placements(result.roots, options.bases);
  const fingerprints = new Fingerprints(options.lineText ?? diskLineText(result.roots));

  // One pass to number the artifacts; the results then refer to them by index.
  const artifacts = new Artifacts(byRoot);
  for (const f of rules.findings) {
    artifacts.locationOf(f.file, rootIndexOf(result.roots, f.root));
    for (const r of f.related ?? []) artifacts.locationOf(r.file, rootIndexOf(result.roots, r.root));
  }
  if (withDetections) for (const d of result.detections) artifacts.locationOf(d.file, rootOf(d));

  // Findings first: they are what a reader acts on; detections are the map they were found on.
  const findings = findingResults(rules.findings, result.roots, 0, artifacts.locationOf, fingerprints);
  const detections = withDetections ? mapItems(result.detections, (d) => detectionResult(d, rootOf(d), ruleIndex.get(d.kind) ?? -1, artifacts, fingerprints)) : [];
  const skipped = mapItems(result.skipped, (s) => {
    const place = byRoot[rootOf(s)] ?? { baseId: baseId(0), prefix: '' };
    return {
      level: 'warning',
      message: { text: sarifMessage(`Skipped ${sarifName(s.file)}: ${s.detail} (${s.reason}).`) },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(`${place.prefix}${s.file}`), uriBaseId: place.baseId } } }],
      properties: { reason: s.reason },
    };
  });

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
            rules: [...findingRules, ...kindRules],
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: new StreamedArray(concat(ruleErrorNotifications(rules.ruleErrors, 0), skipped)),
          },
        ],
        originalUriBaseIds: baseUris,
        artifacts: new StreamedArray(artifacts.list),
        results: new StreamedArray(concat(findings, detections)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** The `--format sarif` log as chunks of text, written one after another (never one string). */
export function* sarifChunks(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS, options: SarifOptions = {}): Generator<string> {
  yield* jsonChunks(sarifDocument(result, rootOf, rules, options));
  yield '\n';
}
