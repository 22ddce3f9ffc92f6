// @vitest-environment jsdom
// One hostile-name list through every output: the Flows tree (labels, descriptions, Markdown tooltips),
// diagnostic hovers, the Mermaid diagram and its finding comments, the CLI's text report, SARIF and JSON.
// Each must show no live link, load nothing remote, hold no raw control or bidi character, and show no
// name longer than its cap. Markdown is rendered with the same library VS Code renders hovers with.
import { marked } from 'marked';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendFindingComments } from '../../../src/cli/format/mermaidFindings';
import { sarifChunks } from '../../../src/cli/format/sarif';
import { jsonReportChunks } from '../../../src/cli/format/jsonReport';
import { createStyle } from '../../../src/cli/format/style';
import { renderText } from '../../../src/cli/format/text';
import type { Detection } from '../../../src/core/analysis/types';
import { renderFlowMermaid } from '../../../src/core/render/mermaid';
import type { Finding } from '../../../src/core/rules/types';
import { MERMAID_LABEL_CAP, NAME_CAP, PLAIN_MESSAGE_CAP, SARIF_MESSAGE_CAP, plainMessage } from '../../../src/core/text';
import { LABEL_CAP, TOOLTIP_CAP, brokerItemText, channelItemText, endpointItemText } from '../../../src/host/flows/flowItemText';
import { detection, resultOf } from '../render/resultFixture';
import { HOSTILE_NAMES, RAW_HIDDEN, showsLongerThan, withoutOwnIsolates } from './hostileNames';

/** Markdown as HTML the way VS Code renders hovers and tooltips (marked, GitHub-flavoured: autolinks on). */
function renderings(markdown: string): string[] {
  return [marked.parse(markdown, { async: false, gfm: true })];
}

/** The rendered HTML as a browser would build it: no link, nothing that loads or runs, no hidden character. */
function expectSafeHtml(html: string, context: string): void {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  expect(doc.querySelectorAll('a, img, script, iframe, object, embed, video, audio, source, link, style').length, `${context}\n${html}`).toBe(0);
  expect([...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on|^src$|^href$/i.test(a.name))), context).toEqual([]);
  expect(doc.body.textContent ?? '', context).not.toMatch(RAW_HIDDEN);
}

function hostileResult() {
  const detections: Detection[] = HOSTILE_NAMES.flatMap((name, i) => [
    detection({ kind: 'nats.publish', library: 'nats', broker: 'nats', role: 'producer', channel: name, file: `src/${name}.ts`, line: i + 1, service: name, enclosingFunction: name, snippet: `nc.publish(${name})` }),
    detection({ kind: 'nats.subscribe', library: 'nats', broker: 'nats', role: 'consumer', channel: name, file: 'src/sub.ts', line: i + 1, service: 'subscriber' }),
  ]);
  return resultOf(detections);
}

function hostileFindings(): Finding[] {
  return HOSTILE_NAMES.map((name, i) => ({
    ruleId: 'socketio-no-adapter',
    severity: 'warning',
    message: `socket.io server in \`${name}\` has no adapter: a second instance would not see the first one.`,
    root: '/repo',
    file: `src/${name}.ts`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 10,
    principleId: 'websocket-pubsub-scaling',
    fixes: [],
    related: [{ file: 'src/other.ts', root: '/repo', line: 2, message: `runs several instances: ${name}` }],
  }));
}

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

describe('hostile names in every output', () => {
  const result = hostileResult();

  it('Flows tree: plain labels and descriptions, tooltips with no link, image or markup', () => {
    let tooltips = 0;
    for (const flow of result.flows) {
      const byId = new Map(result.detections.map((d) => [d.id, d]));
      const texts = [
        brokerItemText(flow.broker, 1),
        channelItemText(flow),
        ...flow.producers.map((id) => endpointItemText(byId.get(id) as Detection, 'producer')),
        ...flow.consumers.map((id) => endpointItemText(byId.get(id) as Detection, 'consumer')),
      ];
      for (const text of texts) {
        for (const shown of [text.label, text.description ?? '']) {
          // A right-to-left name comes inside the FSI…PDI pair the tree adds itself (core/text/bidi.ts).
          const plain = withoutOwnIsolates(shown);
          expect(plain).not.toMatch(RAW_HIDDEN);
          expect(plain).not.toContain('\n');
          expect(showsLongerThan(plain, LABEL_CAP), plain.slice(0, 80)).toBe(false);
        }
        if (text.tooltipMarkdown === undefined) continue;
        tooltips += 1;
        expect(showsLongerThan(text.tooltipMarkdown, TOOLTIP_CAP)).toBe(false);
        for (const html of renderings(text.tooltipMarkdown)) expectSafeHtml(html, text.tooltipMarkdown.slice(0, 120));
      }
    }
    expect(tooltips).toBeGreaterThan(HOSTILE_NAMES.length * 2);
  });

  it('the bidi override is shown, not obeyed, in labels and tooltips', () => {
    const flow = result.flows.find((f) => f.channel.startsWith('invoice'));
    if (!flow) throw new Error('the RTL name has a flow');
    const text = channelItemText(flow);
    expect(text.label).toBe('invoice⟨U+202E⟩gnp.exe');
    expect(renderings(text.tooltipMarkdown ?? '')[0]).toContain('invoice⟨U+202E⟩gnp.exe');
  });

  it('diagnostic hovers: one line, visible controls, each name capped', () => {
    for (const f of hostileFindings()) {
      for (const message of [plainMessage(f.message), plainMessage(f.related?.[0]?.message ?? '')]) {
        expect(message).not.toMatch(RAW_HIDDEN);
        expect(message).not.toContain('\n');
        expect(showsLongerThan(message, NAME_CAP, PLAIN_MESSAGE_CAP)).toBe(false);
      }
    }
  });

  it('Mermaid: only our statements, labels capped, comments never a directive', async () => {
    const diagram = renderFlowMermaid(result);
    const source = appendFindingComments(diagram.source, hostileFindings());
    expect(source).not.toMatch(RAW_HIDDEN);
    expect(source).not.toContain('%%{');
    const lines = source.trimEnd().split('\n');
    // markup may only appear as comment text, which Mermaid drops before it renders anything
    for (const line of lines.filter((l) => !l.startsWith('%% '))) expect(line).not.toMatch(/<img|<script/i);
    // every line is a statement we wrote or a `%%` comment: no name made a line (`click …`) of its own
    for (const line of lines) expect(line).toMatch(/^(flowchart LR|%% |\s+(subgraph|end|ep_|ch_|class |classDef |more_))/);
    expect(lines.some((l) => /^\s*click\b/.test(l))).toBe(false);
    // labels decoded from their entity codes stay within the label cap
    const decoded = source.replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
    expect(showsLongerThan(decoded, MERMAID_LABEL_CAP, 240)).toBe(false);
    await mermaid.parse(diagram.source);
    const parsed = await mermaid.mermaidAPI.getDiagramFromText(diagram.source);
    const db = parsed.db as unknown as { getVertices(): Map<string, unknown>; getEdges(): unknown[] };
    expect(db.getEdges()).toHaveLength(HOSTILE_NAMES.length * 2);
  });

  it('CLI text: visible controls, names capped, nothing but our lines', () => {
    const text = renderText(result, { style: createStyle(false), rules: { findings: hostileFindings(), ruleErrors: [] }, maxItems: 100 });
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(RAW_HIDDEN);
      expect(showsLongerThan(line, NAME_CAP, 1_000)).toBe(false);
    }
    expect(text).toContain('invoice⟨U+202E⟩gnp.exe');
    expect(text).toContain('esc⟨U+001B⟩[2J⟨U+001B⟩]0;title⟨U+0007⟩bell');
  });

  it('SARIF: messages plain, visible and capped; no raw hidden character anywhere in the log', () => {
    const raw = [...sarifChunks(result, () => 0, { findings: hostileFindings(), ruleErrors: [] })].join('');
    expect(raw).not.toMatch(RAW_HIDDEN);
    const log = JSON.parse(raw) as { runs: Array<{ results: Array<{ message: { text: string; markdown?: string }; relatedLocations?: Array<{ message: { text: string; markdown?: string } }> }> }> };
    const messages = log.runs[0]?.results.flatMap((r) => [r.message, ...(r.relatedLocations ?? []).map((l) => l.message)]) ?? [];
    expect(messages.length).toBeGreaterThan(HOSTILE_NAMES.length * 3);
    for (const m of messages) {
      expect(m.markdown).toBeUndefined();
      expect(m.text).not.toMatch(RAW_HIDDEN);
      expect(m.text.length).toBeLessThanOrEqual(SARIF_MESSAGE_CAP);
      expect(showsLongerThan(m.text, NAME_CAP, SARIF_MESSAGE_CAP)).toBe(false);
    }
    expect(messages.some((m) => m.text.includes('invoice⟨U+202E⟩gnp.exe'))).toBe(true);
  });

  it('JSON: full names as data, but no raw hidden character in the file', () => {
    const raw = [...jsonReportChunks(result, () => 0)].join('');
    expect(raw).not.toMatch(RAW_HIDDEN);
    const report = JSON.parse(raw) as { detections: Array<{ channel: string }> };
    expect(report.detections.map((d) => d.channel)).toEqual(result.detections.map((d) => d.channel));
  });
});
