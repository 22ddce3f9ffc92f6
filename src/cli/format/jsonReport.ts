// The `--format json` document, schema version 1 (src/cli/schema/analysis.schema.json describes it).
// Fields are copied one by one rather than spreading the analyzer's objects, so an internal field added to
// the core types never leaks into the published schema without a deliberate change here.
import type { AnalysisResult, AnalysisStats, Detection, Flow, SkippedFile } from '../../core/analysis/types';
import type { RuleError, RuleOutcome } from '../findings';
import { NO_FINDINGS } from '../findings';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import type { JsonFinding } from './jsonFindings';
import { toJsonFinding, toJsonRuleErrors } from './jsonFindings';
import { StreamedArray, jsonChunks, mapItems } from './jsonStream';

export interface JsonDetection {
  id: string;
  kind: Detection['kind'];
  library: string;
  broker: Detection['broker'];
  role: Detection['role'];
  channel: string | null;
  channelIsPattern: boolean;
  channels?: string[];
  routingKey?: string | null;
  /** Index into `roots` of the folder that `file` is relative to. */
  root: number;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  enclosingFunction: string | null;
  service: string;
  snippet: string;
}

/** The shape of the document `jsonReportChunks` writes. */
export interface JsonReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  roots: string[];
  detections: JsonDetection[];
  flows: Flow[];
  skipped: Array<SkippedFile & { root: number }>;
  services: AnalysisResult['services'];
  stats: AnalysisStats;
  /** Rule findings, sorted by root, file and line (optional in the schema: added within version 1). */
  findings: JsonFinding[];
  /** Present only when a rule failed: its findings are missing from `findings`. */
  ruleErrors?: RuleError[];
}

/** Which root (index into `roots`) holds a detection or skipped file. */
export type RootOf = (item: { file: string; root: number }) => number;

export function toJsonDetection(d: Detection, rootOf: RootOf): JsonDetection {
  const out: JsonDetection = {
    id: d.id,
    kind: d.kind,
    library: d.library,
    broker: d.broker,
    role: d.role,
    channel: d.channel,
    channelIsPattern: d.channelIsPattern,
    root: rootOf(d),
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    enclosingFunction: d.enclosingFunction,
    service: d.service,
    snippet: d.snippet,
  };
  // Optional fields the analyzer adds for some libraries only; read structurally so the report keeps
  // working while the core types gain or drop them (the schema lists both as optional).
  const optional = d as { channels?: unknown; routingKey?: unknown };
  if (Array.isArray(optional.channels)) out.channels = optional.channels.filter((c): c is string => typeof c === 'string');
  if (typeof optional.routingKey === 'string' || optional.routingKey === null) out.routingKey = optional.routingKey;
  return out;
}

/**
 * The report as a skeleton whose big arrays are streamed (see jsonStream.ts): detections, flows, skipped
 * files and findings are converted one at a time as they are written.
 */
export function jsonReportDocument(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS): Record<string, unknown> {
  const s = result.stats;
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    roots: [...result.roots],
    detections: new StreamedArray(mapItems(result.detections, (d) => toJsonDetection(d, rootOf))),
    flows: new StreamedArray(mapItems(result.flows, (f) => ({ id: f.id, broker: f.broker, channel: f.channel, producers: f.producers, consumers: f.consumers }))),
    skipped: new StreamedArray(mapItems(result.skipped, (k) => ({ root: rootOf(k), file: k.file, reason: k.reason, detail: k.detail }))),
    services: Object.fromEntries(
      Object.entries(result.services).map(([name, svc]) => [name, { root: svc.root, libraries: [...svc.libraries] }]),
    ),
    stats: { filesSeen: s.filesSeen, filesParsed: s.filesParsed, bytesRead: s.bytesRead, lines: s.lines, durationMs: s.durationMs, parseMs: s.parseMs },
    findings: new StreamedArray(mapItems(rules.findings, (f) => toJsonFinding(f, result.roots))),
    ...(rules.ruleErrors.length > 0 ? { ruleErrors: toJsonRuleErrors(rules.ruleErrors) } : {}),
  };
}

/** The `--format json` document as chunks of text, written one after another (never one string). */
export function* jsonReportChunks(result: AnalysisResult, rootOf: RootOf, rules: RuleOutcome = NO_FINDINGS): Generator<string> {
  yield* jsonChunks(jsonReportDocument(result, rootOf, rules));
  yield '\n';
}
