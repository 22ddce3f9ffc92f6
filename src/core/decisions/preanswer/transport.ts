// Pre-answers of "Which transport for server push?": the push endpoints the index found, which way
// their traffic goes, the stack, the proxy in front and how many instances hold the sockets.
import type { Detection } from '../../analysis/types';
import type { Finding } from '../../rules/types';
import { baseName, code, detectionEvidence, detectionsOf, distinct, findingEvidence, findingsOf, servicesPhrase, take } from './facts';
import type { DecisionFacts, Evidence, PreAnswer } from './types';

const PUSH_KINDS = ['sse.endpoint', 'ws.server', 'trpc.subscription'] as const;

function pushText(d: Detection): string {
  if (d.kind === 'sse.endpoint') return `SSE endpoint ${d.channel ? `${code(d.channel)} ` : ''}in ${code(d.service)}`;
  if (d.kind === 'trpc.subscription') return `tRPC subscription ${d.channel ? `${code(d.channel)} ` : ''}in ${code(d.service)}`;
  return `WebSocket server (${d.library}) in ${code(d.service)}`;
}

/** WebSocket servers the `ws-one-way-push` rule found only pushing, by service. */
function oneWayServices(facts: DecisionFacts): Set<string> {
  const flagged = findingsOf(facts, 'ws-one-way-push');
  const servers = detectionsOf(facts, ['ws.server']);
  return new Set(servers.filter((s) => flagged.some((f) => f.file === s.file && f.line === s.line)).map((s) => s.service));
}

export function transportPreAnswers(facts: DecisionFacts): Record<string, PreAnswer> {
  const out: Record<string, PreAnswer> = {};
  const push = detectionsOf(facts, PUSH_KINDS);
  if (push.length === 0) return out;
  out.shared = {
    next: 'direction',
    reason: 'The code already pushes from the server.',
    evidence: take(push).map((d) => detectionEvidence(facts, d, pushText(d))),
  };

  const oneWay = oneWayServices(facts);
  const sse = push.filter((d) => d.kind !== 'ws.server');
  const oneWayServers = push.filter((d) => d.kind === 'ws.server' && oneWay.has(d.service));
  const twoWayServers = push.filter((d) => d.kind === 'ws.server' && !oneWay.has(d.service));
  const twoWayText = (d: Detection) => `WebSocket server (${d.library}) in ${code(d.service)} also handles client messages`;
  if (sse.length + oneWayServers.length > 0) {
    out.direction = {
      next: 'stack',
      reason: 'Server-sent events and push-only WebSocket servers carry server → client traffic only.',
      evidence: take([
        ...sse.map((d) => detectionEvidence(facts, d, pushText(d))),
        ...oneWayServers.map((d) => detectionEvidence(facts, d, `WebSocket server in ${code(d.service)} only sends to clients`)),
      ]),
      ...(twoWayServers.length > 0
        ? { caveat: `Two-way WebSocket traffic too: ${servicesPhrase(distinct(twoWayServers.map((d) => d.service)))}. Choose “Both ways” if this decision is about it.` }
        : {}),
    };
  } else if (twoWayServers.length > 0) {
    out.direction = {
      next: 'instances',
      reason: 'The WebSocket servers handle messages from their clients.',
      evidence: take(twoWayServers).map((d) => detectionEvidence(facts, d, twoWayText(d))),
    };
  }

  const trpc = push.filter((d) => d.kind === 'trpc.subscription');
  const sseEndpoints = push.filter((d) => d.kind === 'sse.endpoint');
  if (trpc.length > 0) {
    out.stack = { next: 'trpcSse', reason: 'The API declares tRPC subscriptions.', evidence: take(trpc).map((d) => detectionEvidence(facts, d, pushText(d))) };
  } else {
    out.stack = {
      next: 'proxy',
      reason: 'No tRPC subscription in the workspace; the push endpoints are plain HTTP handlers.',
      evidence: take(sseEndpoints.length > 0 ? sseEndpoints : push).map((d) =>
        detectionEvidence(facts, d, `${pushText(d)} (${d.library}, ${code(`${baseName(d.file)}:${d.line}`)})`),
      ),
    };
  }

  const proxy = proxyPreAnswer(facts);
  if (proxy) out.proxy = proxy;
  const instances = instancesPreAnswer(facts);
  if (instances) out.instances = instances;
  const servers = twoWayServers.length > 0 ? twoWayServers : push.filter((d) => d.kind === 'ws.server');
  const socketIo = servers.filter((d) => d.library === 'socket.io');
  if (servers.length > 0) {
    const chosen = socketIo.length > 0 ? socketIo : servers;
    out.wsLibrary = {
      next: socketIo.length > 0 ? 'wsAdapter' : 'wsFanout',
      reason: socketIo.length > 0 ? 'The WebSocket servers use socket.io.' : 'The WebSocket servers use a plain WebSocket library.',
      evidence: take(chosen).map((d) => detectionEvidence(facts, d, `WebSocket server (${d.library}) in ${code(d.service)}`)),
    };
  }
  return out;
}

function bufferingText(f: Finding): string {
  const route = /SSE route `([^`]*)`/.exec(f.message)?.[1];
  return `${code(baseName(f.file))} proxies ${route ? code(route) : 'an SSE route'} without \`proxy_buffering off\``;
}

function proxyPreAnswer(facts: DecisionFacts): PreAnswer | undefined {
  const buffering = findingsOf(facts, 'sse-proxy-buffering');
  if (buffering.length > 0) {
    return {
      next: 'sseNginx',
      reason: 'NGINX proxies the SSE routes, with response buffering still on.',
      evidence: take(buffering).map((f) => findingEvidence(facts, f, bufferingText(f))),
    };
  }
  const configs = facts.configFiles ?? [];
  const nginx = configs.filter((c) => /(^|\/)nginx[^/]*\.conf$|(^|\/)nginx\/.*\.conf$/.test(c.path));
  const caddy = configs.filter((c) => /(^|\/)Caddyfile[^/]*$/.test(c.path));
  const found = (c: { root: string; path: string }, what: string): Evidence => ({ text: `${what} ${code(c.path)}`, root: c.root, file: c.path, line: 1, column: 1 });
  if (nginx.length > 0 && caddy.length === 0) {
    return { next: 'sseNginx', reason: 'An NGINX configuration sits next to the code.', evidence: take(nginx).map((c) => found(c, 'NGINX configuration')) };
  }
  if (caddy.length > 0 && nginx.length === 0) {
    return { next: 'sseCaddy', reason: 'A Caddyfile sits next to the code.', evidence: take(caddy).map((c) => found(c, 'Caddy configuration')) };
  }
  return undefined;
}

function instancesPreAnswer(facts: DecisionFacts): PreAnswer | undefined {
  const evidence: Evidence[] = [];
  for (const f of findingsOf(facts, 'socketio-no-adapter')) {
    const several = (f.related ?? []).find((r) => /instances|replicas|cluster/i.test(r.message));
    if (several) {
      evidence.push({ text: `${code(baseName(several.file))}: ${several.message}`, root: several.root ?? f.root ?? facts.result.roots[0] ?? '', file: several.file, line: several.line, column: 1 });
    }
  }
  for (const d of detectionsOf(facts, ['ws.adapter'])) {
    evidence.push(detectionEvidence(facts, d, `Pub/sub adapter (${d.library}) in ${code(d.service)}: built for several instances`));
  }
  if (evidence.length === 0) return undefined;
  return { next: 'wsLibrary', reason: 'The WebSocket service runs, or is built to run, as several instances.', evidence: take(evidence) };
}
