// Channels as workspace symbols: every producer and consumer of a flow is one symbol named after the
// channel, so `#orders.created` in Go to Symbol in Workspace lists both sides of the topic.
import type { Broker, Detection } from '../analysis/types';
import { channelNoun } from './describe';
import type { FlowGraph } from './flowGraph';

export interface ChannelSymbol {
  /** The channel as the flow names it (`orders.created`, `orders.*`). */
  name: string;
  broker: Broker;
  side: 'producer' | 'consumer';
  /** `Kafka topic · producer · @shop/orders`. */
  container: string;
  detection: Detection;
}

export function channelSymbols(graph: FlowGraph, query: string): ChannelSymbol[] {
  const seen = new Set<string>();
  const out: ChannelSymbol[] = [];
  for (const { flow, detection, side } of graph.flowMembers()) {
    if (!matchesSymbolQuery(flow.channel, query)) continue;
    const key = `${flow.channel}\u0000${detection.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      name: flow.channel,
      broker: flow.broker,
      side,
      container: `${channelNoun(flow.broker)} · ${side} · ${detection.service}`,
      detection,
    });
  }
  return out;
}

/**
 * Loose matching as VS Code expects of symbol providers (it ranks and filters the results itself): the
 * query's characters appear in order, case-insensitively; a leading `#` is the user's channel marker.
 */
export function matchesSymbolQuery(name: string, query: string): boolean {
  const q = query.replace(/^#/, '').toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (i < q.length && c === q[i]) i++;
  return i === q.length;
}
