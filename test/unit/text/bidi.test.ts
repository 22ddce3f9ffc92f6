// The shared "visible bidi" rules (src/core/text/bidi.ts) over the hostile-name list: what the trees,
// hovers and the webview show for each name.
import { describe, expect, it } from 'vitest';
import { FSI, NAME_CAP, PDI, displayName, isolatedName } from '../../../src/core/text';
import { channelItemText, endpointItemText, LABEL_CAP } from '../../../src/host/flows/flowItemText';
import { detection, resultOf } from '../render/resultFixture';
import { HOSTILE_NAMES, RAW_HIDDEN, TEN_KB_NAME, withoutOwnIsolates } from './hostileNames';

const codePoints = (text: string): number => Array.from(text).length;

describe('visible bidi', () => {
  it('shows every hostile name with visible markers, capped, isolated only by its own balanced pair', () => {
    for (const name of HOSTILE_NAMES) {
      for (const cap of [60, LABEL_CAP, NAME_CAP]) {
        const shown = isolatedName(name, cap);
        const inner = withoutOwnIsolates(shown);
        expect(inner, JSON.stringify(name.slice(0, 40))).not.toMatch(RAW_HIDDEN);
        expect(codePoints(inner)).toBeLessThanOrEqual(cap);
        expect(shown === inner || (shown.startsWith(FSI) && shown.endsWith(PDI))).toBe(true);
      }
    }
  });

  it('writes a right-to-left override out instead of obeying it', () => {
    expect(isolatedName('invoice\u202Egnp.exe')).toBe('invoice⟨U+202E⟩gnp.exe');
    expect(displayName('a\u2067b').text).toBe('a⟨U+2067⟩b');
  });

  it('isolates a Hebrew name so the counts after it keep their order', () => {
    expect(isolatedName('הזמנה.נוצרה')).toBe(`${FSI}הזמנה.נוצרה${PDI}`);
    expect(isolatedName('orders.created')).toBe('orders.created');
    // A user's own isolate characters are shown, never taken as ours: the only raw pair is the outer one.
    expect(isolatedName(`${PDI}שלום${FSI}`)).toBe(`${FSI}⟨U+2069⟩שלום⟨U+2068⟩${PDI}`);
  });

  it('cuts a 10 KB name in the middle and keeps the whole name for the tooltip', () => {
    const shown = displayName(TEN_KB_NAME, 80);
    expect(shown.cut).toBe(true);
    expect(codePoints(shown.text)).toBe(80);
    expect(shown.text).toContain('…');
    expect(shown.full).toBe(TEN_KB_NAME);
    expect(displayName('short').cut).toBe(false);
  });

  it('Flows tree: a Hebrew channel is isolated from its "1 → 0" description', () => {
    const name = 'הזמנה.נוצרה';
    const result = resultOf([
      detection({ kind: 'nats.publish', library: 'nats', broker: 'nats', role: 'producer', channel: name, file: `src/${name}.ts`, line: 3, service: name, enclosingFunction: name }),
    ]);
    const flow = result.flows.find((f) => f.channel === name);
    if (!flow) throw new Error('the Hebrew name has a flow');
    const text = channelItemText(flow);
    expect(text.label).toBe(`${FSI}${name}${PDI}`);
    expect(text.description).toBe('1 → 0');
    const endpoint = endpointItemText(result.detections[0]!, 'producer');
    expect(endpoint.label).toBe(`${FSI}src/${name}.ts${PDI}:3`);
    expect(endpoint.description).toContain(`${FSI}${name}${PDI}`);
  });
});
