// sse-default: NGINX buffers proxied responses by default, so SSE events wait in its buffer instead of
// reaching the browser; the location that proxies an SSE route needs `proxy_buffering off`.
import type { Detection } from '../../analysis/types';
import type { RuleContext } from '../context';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixWithVariant } from '../fixes';
import { effective, parseNginx, selectLocation, servers } from '../deploy/nginx';

export const sseProxyBufferingRule: Rule = {
  meta: {
    id: 'sse-proxy-buffering',
    title: 'NGINX proxies an SSE route with buffering on',
    principle: 'sse-default',
    defaultSeverity: 'warning',
    description:
      'An NGINX location that proxies an SSE route without `proxy_buffering off` (and the app does not send `X-Accel-Buffering: no`): events sit in the proxy buffer instead of streaming.',
  },
  evaluate(ctx) {
    const routes = sseRoutes(ctx);
    if (routes.size === 0) return [];
    const findings: Finding[] = [];
    for (const config of ctx.configs.filter((c) => c.kind === 'nginx')) {
      const hits = new Map<string, { line: number; column: number; label: string; routes: Detection[] }>();
      for (const { server, scopes } of servers(parseNginx(config.text))) {
        for (const [route, endpoints] of routes) {
          const match = selectLocation(server, scopes, route);
          if (!match || !effective(match.scopes, 'proxy_pass')) continue;
          if (effective(match.scopes, 'proxy_buffering')?.args[0] === 'off') continue;
          const { location } = match;
          const key = `${location.line}:${location.column}`;
          const hit = hits.get(key) ?? { line: location.line, column: location.column, label: `location ${location.args.join(' ')}`, routes: [] };
          hit.routes.push(...endpoints);
          hits.set(key, hit);
        }
      }
      for (const hit of hits.values()) {
        const names = [...new Set(hit.routes.map((d) => d.channel))].map((c) => `\`${c}\``).join(', ');
        findings.push({
          ruleId: 'sse-proxy-buffering',
          severity: 'warning',
          message: `NGINX \`${hit.label}\` proxies the SSE route ${names} without \`proxy_buffering off\`: events wait in the proxy's buffer instead of reaching the browser.`,
          file: config.path,
          root: config.root,
          line: hit.line,
          column: hit.column,
          endLine: hit.line,
          endColumn: hit.column + 'location'.length,
          principleId: 'sse-default',
          fixes: [fixWithVariant('sse-reverse-proxy', 'nginx')],
          related: hit.routes.map((d) => ({ file: d.file, root: ctx.source(d.file, d.service)?.root, line: d.line, message: `${d.kind === 'sse.client' ? 'SSE client of' : 'SSE endpoint'} ${d.channel ?? ''}`.trim() })),
        });
      }
    }
    return findings;
  },
};

/**
 * SSE routes by path: server endpoints with a known route, plus the paths browsers open with
 * `EventSource('/…')` (a node:http handler often has no static route, but its client does). An endpoint
 * that sends `X-Accel-Buffering: no` itself turns NGINX buffering off for its responses, so its route is
 * left out. Express/Fastify parameters (`:id`) and patterns (`*`) become a sample segment for matching.
 */
function sseRoutes(ctx: RuleContext): Map<string, Detection[]> {
  const routes = new Map<string, Detection[]>();
  const unbuffered = new Set<string>();
  const add = (route: string, d: Detection) => {
    const path = route.split(/[?#]/)[0]?.replace(/:[\w]+/g, 'x').replace(/\*/g, 'x') ?? route;
    routes.set(path, [...(routes.get(path) ?? []), d]);
    return path;
  };
  let selfUnbuffered = false;
  for (const d of ctx.detections('sse.endpoint')) {
    const src = ctx.source(d.file, d.service);
    const fn = src?.view.enclosingFunction(src.view.offsetAt(d.line, d.column));
    const handler = src && fn ? src.view.text.slice(fn.bodyStart, fn.bodyEnd) : (src?.view.text ?? '');
    const disables = /x-accel-buffering['"]?\s*[:,]\s*['"]no['"]/i.test(handler);
    if (!d.channel?.startsWith('/')) {
      selfUnbuffered ||= disables; // a route-less endpoint that disables buffering: trust its clients' paths
      continue;
    }
    const path = add(d.channel, d);
    if (disables) unbuffered.add(path);
  }
  for (const d of ctx.detections('sse.client')) {
    if (!d.channel?.startsWith('/') || selfUnbuffered) continue;
    const path = d.channel.split(/[?#]/)[0] ?? d.channel;
    if (!routes.has(path.replace(/\*/g, 'x'))) add(path, d);
  }
  for (const path of unbuffered) routes.delete(path);
  return routes;
}
