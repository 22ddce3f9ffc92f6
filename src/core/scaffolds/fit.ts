// Fitting a scaffold to the code it is for: which parameters the chosen variant really uses, values
// pre-filled from what the analyzer found in the service, and picker ranking that matches titles first.
import type { AnalysisResult, Detection } from '../analysis/types';
import { SCAFFOLDS } from './registry';
import type { Scaffold, ScaffoldParameter } from './types';

/**
 * Parameters whose value changes the variant's output; the others (a Prisma model name for the
 * PostgreSQL migration) are not asked. Found by generating with a changed value and comparing.
 */
export function relevantParameters(scaffold: Scaffold, variantId: string): ScaffoldParameter[] {
  const defaults = Object.fromEntries(scaffold.parameters.map((p) => [p.name, p.default]));
  const base = render(scaffold, variantId, defaults);
  return scaffold.parameters.filter((p) => {
    const probe = render(scaffold, variantId, { ...defaults, [p.name]: probeValue(p) });
    return probe === undefined || probe !== base;
  });
}

function probeValue(p: ScaffoldParameter): string {
  for (const candidate of [`${p.default}x`, `${p.default}1`, `${p.default}9`]) {
    if (!p.pattern || p.pattern.test(candidate)) return candidate;
  }
  return p.default;
}

function render(scaffold: Scaffold, variantId: string, params: Record<string, string>): string | undefined {
  try {
    return JSON.stringify(scaffold.generate(variantId, params).files);
  } catch {
    return undefined;
  }
}

/**
 * Values taken from the detections of the service the scaffold is for: the outbox relay publishes to the
 * topic the code used, the SSE proxy block routes the service's SSE path, the consumer tables are named
 * after the queue… Only values that pass the parameter's pattern are proposed.
 */
export function prefillParameters(scaffold: Scaffold, result: AnalysisResult | undefined, service: string | undefined, hint?: Detection): Record<string, string> {
  const out: Record<string, string> = {};
  const inService = (result?.detections ?? []).filter((d) => d.service === service && d.channel && !d.channelIsPattern);
  const first = (kinds: readonly string[]): Detection | undefined =>
    (hint && kinds.includes(hint.kind) ? hint : undefined) ?? inService.find((d) => kinds.includes(d.kind));
  const propose = (name: string, value: string | null | undefined): void => {
    const p = scaffold.parameters.find((x) => x.name === name);
    if (p && value && (!p.pattern || p.pattern.test(value)) && !p.reserved?.has(value.toLowerCase())) out[name] = value;
  };
  switch (scaffold.id) {
    case 'outbox-relay':
      propose('destination', (first(['dual_write', 'kafka.produce', 'queue.produce', 'amqp.publish', 'nats.publish', 'redis.stream.produce']) ?? hint)?.channel);
      break;
    case 'sse-endpoint':
      propose('route', first(['sse.endpoint'])?.channel);
      break;
    case 'sse-reverse-proxy': {
      // A proxy config sits outside the services: the route it fronts is an SSE endpoint of any of them.
      const anywhere = (result?.detections ?? []).find((d) => d.kind === 'sse.endpoint' && d.channel && !d.channelIsPattern);
      propose('route', (first(['sse.endpoint']) ?? anywhere)?.channel);
      break;
    }
    case 'sse-query-invalidation': {
      const sse = first(['sse.client']);
      propose('url', sse?.channel);
      break;
    }
    case 'ws-redis-fanout':
      propose('channel', first(['redis.publish', 'redis.subscribe'])?.channel);
      break;
    default:
      break;
  }
  return out;
}

export interface RankedScaffold {
  scaffold: Scaffold;
  score: number;
}

/**
 * Picker order for a query: title starts with it, then a title word starts with it, then the title
 * contains it, then only the description does; registry order breaks ties (SSE endpoint before the
 * SSE client and the proxy). Scaffolds matching nowhere keep their place at the end.
 */
export function rankScaffolds(query: string, scaffolds: readonly Scaffold[] = SCAFFOLDS): RankedScaffold[] {
  const q = query.trim().toLowerCase();
  const scored = scaffolds.map((scaffold, index) => ({ scaffold, index, score: scoreOf(scaffold, q) }));
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map(({ scaffold, score }) => ({ scaffold, score }));
}

function scoreOf(scaffold: Scaffold, q: string): number {
  if (q === '') return 0;
  const title = scaffold.title.toLowerCase();
  if (title.startsWith(q)) return 4;
  const words = title.split(/[^a-z0-9]+/);
  if (q.split(/\s+/).every((token) => words.some((w) => w.startsWith(token)))) return 3;
  if (title.includes(q)) return 2;
  if (`${scaffold.id} ${scaffold.description}`.toLowerCase().includes(q)) return 1;
  return 0;
}
