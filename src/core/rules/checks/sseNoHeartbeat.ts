// sse-default: an SSE stream that stays quiet is closed by proxies and load balancers after their idle
// timeout; a periodic `:` comment (or any event) keeps it open and lets the server notice dead clients.
import type { Detection } from '../../analysis/types';
import type { LocatedSource } from '../context';
import type { FunctionSpan } from '../source/sourceView';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixFor } from '../fixes';

/** Libraries whose SSE sessions send keep-alive pings on their own. */
const SELF_PINGING = new Set(['better-sse']);

export const sseNoHeartbeatRule: Rule = {
  meta: {
    id: 'sse-no-heartbeat',
    title: 'SSE stream without a heartbeat',
    principle: 'sse-default',
    defaultSeverity: 'warning',
    description:
      'An SSE handler with no periodic write (a `:` comment, a ping event or any timer-driven write): proxies and load balancers close idle connections.',
  },
  evaluate(ctx) {
    return ctx.detections('sse.endpoint').flatMap((d): Finding[] => {
      if (SELF_PINGING.has(d.library)) return [];
      const src = ctx.source(d.file, d.service);
      if (!src) return [];
      const fn = handlerOf(src, d);
      if (!fn || hasHeartbeat(src, fn) || relaysToCompletion(src, fn)) return [];
      const route = d.channel ? `SSE route \`${d.channel}\`` : 'SSE stream';
      return [
        {
          ruleId: 'sse-no-heartbeat',
          severity: 'warning',
          message: `${route} in \`${d.service}\` never writes a heartbeat: proxies and load balancers close idle connections, so a quiet stream drops (write a \`:\` comment every ~15 s).`,
          ...ctx.spanOf(d),
          principleId: 'sse-default',
          fixes: [fixFor('sse-endpoint', ctx.libraries(d.service), { fallback: 'node-http' })],
        },
      ];
    });
  },
};

/** The handler: the function enclosing the header line, or for a decorator the method that follows. */
function handlerOf(src: LocatedSource, d: Detection): FunctionSpan | undefined {
  const at = src.view.offsetAt(d.line, d.column);
  if (src.view.text[at] === '@' || src.view.text[at - 1] === '@') {
    for (let i = src.view.masked.indexOf('{', at); i !== -1; i = src.view.masked.indexOf('{', i + 1)) {
      if (src.view.isFunctionBody(i)) return src.view.enclosingFunction(i + 1);
    }
    return undefined;
  }
  return src.view.enclosingFunction(at);
}

function hasHeartbeat(src: LocatedSource, fn: FunctionSpan): boolean {
  const body = src.view.masked.slice(fn.bodyStart, fn.bodyEnd);
  if (/\b(setInterval|interval|timer)\s*\(/.test(body)) return true; // timers (rxjs `interval` for NestJS)
  if (/\.sleep\s*\(/.test(body) && /\b(while|for)\s*\(/.test(body)) return true; // Hono's write-sleep loop
  if (identifierWords(body).some((w) => w === 'heartbeat' || w === 'ping' || w === 'keepalive')) return true;
  return moduleTimerWrites(src);
}

/**
 * Streams that end by themselves are not the long-lived push a heartbeat is for: a relay of a finite
 * upstream (`for await` over an LLM completion, then `close()`/`end()`), or a `ReadableStream` whose
 * `start()` closes it directly (not from an abort listener).
 */
function relaysToCompletion(src: LocatedSource, fn: FunctionSpan): boolean {
  const { view } = src;
  const body = view.masked.slice(fn.bodyStart, fn.bodyEnd);
  const loop = /\bfor\s+await\s*\(/.exec(body);
  if (loop !== null && /\.(close|end)\s*\(\s*\)/.test(body.slice(loop.index))) return true;
  for (const m of body.matchAll(/\bcontroller\.close\s*\(\s*\)/g)) {
    const inner = view.enclosingFunction(fn.bodyStart + m.index);
    if (inner && /^(async\s+)?start\b/.test(view.masked.slice(inner.headerStart, inner.bodyStart))) return true;
  }
  return false;
}

/** camelCase / snake_case identifiers split into lower-case words, `keepAlive` → `keepalive` too. */
function identifierWords(code: string): string[] {
  const words: string[] = [];
  for (const [id] of code.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const parts = id.split(/_|(?<=[a-z0-9])(?=[A-Z])/).map((p) => p.toLowerCase());
    words.push(...parts);
    for (let i = 0; i + 1 < parts.length; i++) words.push(`${parts[i]}${parts[i + 1]}`);
  }
  return words;
}

/** A module-level timer that writes to every open stream (`setInterval(() => clients.forEach(c => c.write(':')))`). */
function moduleTimerWrites(src: LocatedSource): boolean {
  for (const m of src.view.masked.matchAll(/\bsetInterval\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = src.view.match(open);
    if (close !== undefined && /\.(write|writeSSE|enqueue|send|push)\s*\(/.test(src.view.masked.slice(open, close))) return true;
  }
  return false;
}
