// Hostile names in the webview's flow list, as the user meets them: a right-to-left override shown as a
// visible marker instead of reversing the name, a Hebrew name isolated so it cannot reorder the text beside
// it, a 10 KB name cut to a readable width with the whole name in its tooltip, markup shown as text.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DetectionSummary, FlowGraphSnapshot } from '../../src/protocol/messages';
import { WEBVIEW_NAME_CAP } from '../../webview/src/components/SafeName';
import { App } from '../../webview/src/App';
import { fromHost, readyIndex, snapshot } from './fixtures';

const RLO = 'invoice\u202Egnp.exe';
const HEBREW = 'הזמנה.נוצרה';
const TEN_KB = 'long'.repeat(2_560);
const MARKUP = '<img src=x onerror=alert(1)>';
const ZERO_WIDTH = 'zero\u200Bwidth\u2028line';

function endpoint(channel: string, i: number, role: 'producer' | 'consumer', fn: string | null): DetectionSummary {
  const file = `src/${role}-${i}.ts`;
  return {
    id: `${file}:${i + 1}:5:${role}`,
    kind: role === 'producer' ? 'nats.publish' : 'nats.subscribe',
    library: 'nats',
    channel,
    service: role === 'producer' ? HEBREW : 'billing',
    file,
    line: i + 1,
    enclosingFunction: fn,
    location: { uri: `file:///srv/app/${file}`, line: i + 1, column: 5 },
  };
}

function hostileGraph(): FlowGraphSnapshot {
  const names = [RLO, HEBREW, TEN_KB, MARKUP, ZERO_WIDTH];
  const detections: DetectionSummary[] = [];
  const flows = names.map((channel, i) => {
    const p = endpoint(channel, i, 'producer', channel);
    detections.push(p);
    return { id: `nats:${i}`, broker: 'nats', channel, producers: [p.id], consumers: [] };
  });
  return { flows, detections, mermaid: 'flowchart LR\n  a["x"]' };
}

function channelHeadings(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Flows' })).getAllByRole('heading', { level: 3 });
}

const codePoints = (text: string): number => Array.from(text).length;

describe('Names in the flow list', () => {
  it('shows bidi and invisible characters as visible markers, never raw', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph: hostileGraph(), index: readyIndex }) });
    const texts = channelHeadings().map((h) => h.textContent ?? '');
    expect(texts).toContain('nats invoice⟨U+202E⟩gnp.exe');
    expect(texts).toContain('nats zero⟨U+200B⟩width⟨U+2028⟩line');
    expect(screen.getByRole('list', { name: 'Flows' }).textContent).not.toMatch(/[\u200B-\u200F\u2028-\u202E\u2066-\u2069]/u);
  });

  it('isolates a Hebrew name with dir="auto", so the text beside it keeps its order', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph: hostileGraph(), index: readyIndex }) });
    const heading = channelHeadings().find((h) => h.textContent?.includes(HEBREW)) as HTMLElement;
    const name = within(heading).getByText(HEBREW);
    expect(name.tagName).toBe('BDI');
    expect(name.getAttribute('dir')).toBe('auto');
    // Only the name is inside the isolate: the broker before it (and anything after) stays outside.
    expect(name.textContent).toBe(HEBREW);
    // The Hebrew service of an endpoint is isolated too, apart from the library after it.
    const services = screen.getAllByText(HEBREW).filter((el) => el.closest('.endpoint-meta'));
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      expect(s.tagName).toBe('BDI');
      expect(s.closest('.endpoint-meta')?.textContent).toMatch(new RegExp(`${HEBREW} · nats$`));
    }
  });

  it('cuts a 10 KB name to a readable width, with the whole name in its tooltip', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph: hostileGraph(), index: readyIndex }) });
    const heading = channelHeadings().find((h) => h.textContent?.startsWith('nats long')) as HTMLElement;
    const name = heading.querySelector('bdi') as HTMLElement;
    expect(codePoints(name.textContent ?? '')).toBeLessThanOrEqual(WEBVIEW_NAME_CAP);
    expect(name.textContent).toContain('…');
    expect(name.getAttribute('title')).toBe(TEN_KB);
    // Every place the long name appears (heading, function, button label) is cut, none is whole.
    expect(document.body.textContent).not.toContain('long'.repeat(30));
    expect(document.body.querySelectorAll('[title]').length).toBeGreaterThan(0);
    // A short name has no tooltip to add.
    const short = channelHeadings().find((h) => h.textContent?.includes(HEBREW))?.querySelector('bdi');
    expect(short?.hasAttribute('title')).toBe(false);
  });

  it('shows markup in a name as text', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph: hostileGraph(), index: readyIndex }) });
    const list = screen.getByRole('list', { name: 'Flows' });
    expect(list.querySelector('img')).toBeNull();
    expect(channelHeadings().map((h) => h.textContent)).toContain(`nats ${MARKUP}`);
  });
});
