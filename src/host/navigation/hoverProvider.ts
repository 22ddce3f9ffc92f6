// Hover on a detection: what it is (kind, library, broker), the channel it resolved to and the pattern
// that paired it, where the other side lives, and the principle it bears on. Everything read from the
// user's code (channels, paths, snippets, service names) is appended as plain text, which VS Code escapes;
// only our own fixed wording is markdown, and the only command a link may run is Show Principle. Each name
// is shown as isolatedName makes it (core/text/bidi.ts): hidden characters visible, capped at NAME_CAP, and
// a right-to-left name isolated so it cannot reorder the words and numbers around it.
import * as vscode from 'vscode';
import type { Detection } from '../../core/analysis/types';
import { channelNoun, principleOf, sideOfKind, type FlowGraph } from '../../core/navigation';
import { getPrinciple } from '../../core/principles';
import { isolatedName } from '../../core/text/bidi';
import { brokerLabel, kindLabel } from '../flows/labels';
import { COMMANDS } from '../ids';
import { principleCommandUri } from '../diagnostics/toDiagnostic';
import type { NavigationModel } from './navigationModel';

/** At most this many locations per side; the rest are counted (Go to Consumers lists them all). */
const LISTED = 5;

export class DetectionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly model: NavigationModel) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const graph = this.model.current();
    const detection = graph && this.model.detectionAt(graph, document.uri, position, true);
    if (!graph || !detection) return undefined;
    return new vscode.Hover(hoverMarkdown(this.model, graph, detection), this.model.rangeOf(detection));
  }
}

/**
 * User text as plain text: `appendText` escapes markdown syntax but leaves `<`, `>` and `&`, which a
 * markdown renderer may read as HTML or entities, so they become entities first.
 */
function appendPlain(md: vscode.MarkdownString, text: string): void {
  md.appendText(text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;')));
}

export function hoverMarkdown(model: NavigationModel, graph: FlowGraph, d: Detection): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [COMMANDS.showPrinciple] };
  md.supportHtml = false;
  md.appendMarkdown('**Event Architect** · ');
  appendPlain(md, `${kindLabel(d.kind)} · ${brokerLabel(d.broker)} · ${isolatedName(d.library)}`);
  md.appendMarkdown('\n\n');
  if (d.channel === null) {
    appendPlain(md, `${channelNoun(d.broker)}: computed at run time (not resolved statically)`);
  } else {
    appendPlain(md, `${channelNoun(d.broker)}: ${isolatedName(d.channel)}${d.channelIsPattern ? ' (pattern)' : ''}`);
    const via = graph.matchedVia(d);
    if (via.length > 0) {
      md.appendMarkdown('\n\n');
      const names = via.map((name) => isolatedName(name)).join(', ');
      appendPlain(md, d.channelIsPattern ? `matches: ${names}` : `matched by: ${names}`);
    }
  }
  const side = sideOfKind(d.kind);
  if (side && d.channel !== null && graph.flowsOf(d).length > 0) {
    const sides = graph.counterparts(d);
    const others = (side === 'producer' ? sides.consumers : sides.producers).filter((o) => o.id !== d.id);
    const noun = side === 'producer' ? 'Consumers' : 'Producers';
    md.appendMarkdown(`\n\n**${noun} (${others.length})**`);
    if (others.length === 0) md.appendMarkdown(`: none in this workspace`);
    for (const other of others.slice(0, LISTED)) {
      const uri = model.uriOf(graph, other);
      md.appendMarkdown('\n- ');
      appendPlain(md, `${isolatedName(other.service)} — ${isolatedName(other.file)}:${other.line}`);
      if (uri) md.appendMarkdown(` ([open](${uri.with({ fragment: `L${other.line}` }).toString()}))`);
    }
    if (others.length > LISTED) md.appendMarkdown(`\n- … and ${others.length - LISTED} more (Go to ${noun})`);
  }
  const principle = getPrinciple(principleOf(d));
  md.appendMarkdown(`\n\n$(book) [`);
  appendPlain(md, principle.title);
  md.appendMarkdown(`](${principleCommandUri(principle.id).toString()} "Show the principle")`);
  return md;
}
