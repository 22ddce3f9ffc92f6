// `--format text`: a readable summary — rule findings first, then by service, by channel, what had no
// channel, what was skipped, and how long it took. Long lists are capped so a big monorepo still prints a screenful per section.
import type { AnalysisResult, Detection, DetectionKind, Flow } from '../../core/analysis/types';
import type { RuleOutcome } from '../findings';
import { NO_FINDINGS } from '../findings';
import { TOOL_DISPLAY_NAME, TOOL_VERSION } from '../version';
import type { Style } from './style';
import { terminalMessage, terminalText } from '../../core/text/terminal';
import { findingCounts, findingsSection } from './textFindings';

export interface TextOptions {
  style: Style;
  /** Locations listed per channel / per kind before "… and N more". */
  maxItems?: number;
  /** Rule findings to list first; none by default. */
  rules?: RuleOutcome;
}

const int = (n: number): string => n.toLocaleString('en-US');

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${int(n)} ${n === 1 ? one : many}`;

function location(d: Detection, style: Style): string {
  const fn = d.enclosingFunction ? `  ${terminalText(d.enclosingFunction)}` : '';
  return `${style.dim(`${terminalText(d.file)}:${d.line}`)}${fn}  ${style.dim(`[${terminalText(d.service)}]`)}`;
}

function kindCounts(detections: Detection[]): string {
  const counts = new Map<DetectionKind, number>();
  for (const d of detections) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}

function capped<T>(items: T[], max: number, line: (item: T) => string, indent: string, style: Style): string[] {
  const lines = items.slice(0, max).map((item) => `${indent}${line(item)}`);
  if (items.length > max) lines.push(`${indent}${style.dim(`… and ${int(items.length - max)} more`)}`);
  return lines;
}

function servicesSection(result: AnalysisResult, style: Style): string[] {
  const byService = new Map<string, Detection[]>();
  for (const d of result.detections) {
    const list = byService.get(d.service) ?? [];
    list.push(d);
    byService.set(d.service, list);
  }
  const lines = [style.bold(`Services (${int(byService.size)})`)];
  for (const [service, list] of [...byService.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${style.cyan(terminalText(service))}  ${plural(list.length, 'detection')}`);
    lines.push(`    ${style.dim(kindCounts(list))}`);
  }
  return lines;
}

function channelsSection(result: AnalysisResult, byId: Map<string, Detection>, style: Style, max: number): string[] {
  const flows = [...result.flows].sort((a, b) => a.broker.localeCompare(b.broker) || a.channel.localeCompare(b.channel));
  const lines = [style.bold(`Channels (${int(flows.length)})`)];
  const resolve = (ids: string[]): Detection[] => ids.flatMap((id) => byId.get(id) ?? []);
  for (const flow of flows.slice(0, max * 5)) lines.push(...channelLines(flow, resolve, style, max));
  if (flows.length > max * 5) lines.push(`  ${style.dim(`… and ${int(flows.length - max * 5)} more channels`)}`);
  return lines;
}

function channelLines(flow: Flow, resolve: (ids: string[]) => Detection[], style: Style, max: number): string[] {
  const producers = resolve(flow.producers);
  const consumers = resolve(flow.consumers);
  const warn = producers.length === 0 ? style.yellow('  no producer found') : consumers.length === 0 ? style.yellow('  no consumer found') : '';
  return [
    `  ${style.green(flow.broker)}  ${style.cyan(terminalText(flow.channel))}  ${plural(producers.length, 'producer')} → ${plural(consumers.length, 'consumer')}${warn}`,
    ...capped(producers, max, (d) => `out  ${location(d, style)}`, '    ', style),
    ...capped(consumers, max, (d) => `in   ${location(d, style)}`, '    ', style),
  ];
}

function otherSection(result: AnalysisResult, style: Style, max: number): string[] {
  const inFlow = new Set(result.flows.flatMap((f) => [...f.producers, ...f.consumers]));
  const rest = result.detections.filter((d) => !inFlow.has(d.id));
  if (rest.length === 0) return [];
  const byKind = new Map<DetectionKind, Detection[]>();
  for (const d of rest) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  const lines = [style.bold(`Not part of a channel flow (${int(rest.length)})`)];
  for (const [kind, list] of [...byKind.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`  ${kind}  ${int(list.length)}`);
    lines.push(...capped(list, max, (d) => `${d.channel === null ? '' : `${terminalText(d.channel)}  `}${location(d, style)}`, '    ', style));
  }
  return lines;
}

function skippedSection(result: AnalysisResult, style: Style, max: number): string[] {
  if (result.skipped.length === 0) return [];
  return [
    style.bold(`Skipped files (${int(result.skipped.length)})`),
    ...capped(result.skipped, max, (s) => `${terminalText(s.file)}  ${style.yellow(s.reason)}  ${style.dim(terminalMessage(s.detail))}`, '  ', style),
  ];
}

export function renderText(result: AnalysisResult, options: TextOptions): string {
  const { style } = options;
  const max = Math.max(1, options.maxItems ?? 10);
  const s = result.stats;
  const byId = new Map(result.detections.map((d) => [d.id, d]));
  const header = [
    `${style.bold(`${TOOL_DISPLAY_NAME} ${TOOL_VERSION}`)}  ${result.roots.map((root) => terminalText(root)).join(', ')}`,
    `${plural(s.filesSeen, 'file')} seen, ${int(s.filesParsed)} parsed, ${formatBytes(s.bytesRead)}, ${plural(s.lines, 'line')} in ${formatMs(s.durationMs)} (parsing ${formatMs(s.parseMs)})`,
  ];
  const rules = options.rules ?? NO_FINDINGS;
  const findings = findingsSection(rules.findings, rules.ruleErrors, result.roots, style, max * 10);
  const sections = [header, findings, servicesSection(result, style), channelsSection(result, byId, style, max), otherSection(result, style, max), skippedSection(result, style, max)];
  const services = new Set(result.detections.map((d) => d.service)).size;
  const summary = `${findingCounts(rules.findings)}, ${plural(result.detections.length, 'detection')}, ${plural(result.flows.length, 'channel')}, ${plural(services, 'service')}, ${int(result.skipped.length)} skipped`;
  sections.push([style.bold(summary)]);
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}
