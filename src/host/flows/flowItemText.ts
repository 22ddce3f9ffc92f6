// What the Event Flows tree shows for each node, as text only (no `vscode` here, so it is unit-tested with
// hostile names). Labels and descriptions are plain text with hidden characters made visible and names
// capped; tooltips are Markdown in which every piece of user data is escaped text or a code span, so a
// name or snippet can never render a link, load an image or inject markup. Tooltips allow longer names
// than labels: that is where a cut label is read in full. Names in labels and descriptions are isolated
// (bidi.ts), so a right-to-left channel name never reorders the "1 → 0" beside it.
import type { Detection, Flow } from '../../core/analysis/types';
import { markdownCode, markdownText } from '../../core/text/markdown';
import { isolatedName } from '../../core/text/bidi';
import { plainName } from '../../core/text/plain';
import { brokerLabel, kindLabel } from './labels';

/** Longest name in a tree label or description. */
export const LABEL_CAP = 80;
/** Longest name in a tooltip. */
export const TOOLTIP_CAP = 500;

export interface ItemText {
  label: string;
  description?: string;
  /** Markdown source (the provider wraps it in an untrusted MarkdownString without HTML). */
  tooltipMarkdown?: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function brokerItemText(broker: string, channels: number): ItemText {
  return { label: isolatedName(brokerLabel(broker), LABEL_CAP), description: plural(channels, 'channel') };
}

export function channelItemText(flow: Flow): ItemText {
  return {
    label: isolatedName(flow.channel, LABEL_CAP),
    description: `${flow.producers.length} → ${flow.consumers.length}`,
    tooltipMarkdown: [
      `**${markdownText(brokerLabel(flow.broker), TOOLTIP_CAP)}** · ${markdownCode(flow.channel, TOOLTIP_CAP)}`,
      '',
      `${plural(flow.producers.length, 'producer')}, ${plural(flow.consumers.length, 'consumer')}`,
    ].join('\n'),
  };
}

export function endpointItemText(d: Detection, side: 'producer' | 'consumer'): ItemText {
  const fn = d.enclosingFunction ? ` · ${isolatedName(d.enclosingFunction, LABEL_CAP)}` : '';
  const where = d.enclosingFunction ? ` in ${markdownCode(d.enclosingFunction, TOOLTIP_CAP)}` : '';
  return {
    label: `${isolatedName(d.file, LABEL_CAP)}:${d.line}`,
    description: `${side === 'producer' ? 'produces' : 'consumes'} · ${kindLabel(d.kind)}${fn}`,
    tooltipMarkdown: [
      `**${markdownText(kindLabel(d.kind))}** (${markdownText(d.library)}) in service ${markdownCode(d.service, TOOLTIP_CAP)}${where}`,
      '',
      `${markdownText(d.file, TOOLTIP_CAP)}:${d.line}`,
      '',
      markdownCode(d.snippet),
    ].join('\n'),
  };
}

export function messageItemText(text: string): ItemText {
  return { label: plainName(text, 200) };
}
