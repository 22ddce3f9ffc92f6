// HTTP routes that frameworks derive from a handler's file path (file-based routing): the channel of an SSE
// endpoint declared in such a file when no route string is visible in the code.

/**
 * The route of a Next.js route file: App Router `app/api/events/route.ts` → `/api/events` (route groups
 * `(x)` dropped), Pages Router `pages/api/jobs/[id]/progress.ts` → `/api/jobs/[id]/progress` (`index`
 * dropped). Dynamic segments stay as written.
 */
export function nextRoute(file: string): string | null {
  const posix = file.replace(/\\/g, '/');
  const app = /(?:^|\/)app\/(.*?)\/?route\.[cm]?[jt]sx?$/.exec(posix);
  if (app) {
    const segs = (app[1] ?? '').split('/').filter((s) => s && !isGroup(s));
    return `/${segs.join('/')}`;
  }
  const pages = /(?:^|\/)pages\/(api\/.*?)\.[cm]?[jt]sx?$/.exec(posix);
  if (!pages) return null;
  const segs = (pages[1] ?? '').split('/');
  if (segs[segs.length - 1] === 'index') segs.pop();
  return `/${segs.join('/')}`;
}

/**
 * Remix flat routes: `app/routes/api.inbox.stream.ts` (or `…/api.inbox.stream/route.ts`) → `/api/inbox/stream`.
 * Dots separate segments, `[.]` escapes a dot, `_index` and pathless `_layout` segments are dropped, a
 * trailing `_` is removed and `$id` is the dynamic segment `:id`.
 */
export function remixRoute(file: string): string | null {
  const posix = file.replace(/\\/g, '/');
  const m = /(?:^|\/)app\/routes\/([^/]+?)(?:\/route)?\.[cm]?[jt]sx?$/.exec(posix);
  if (!m?.[1]) return null;
  const segs = m[1]
    .replace(/\[\.\]/g, '\uE001')
    .split('.')
    .map((s) => s.replace(/\uE001/g, '.'))
    .filter((s) => s && s !== '_index' && s !== 'index' && !s.startsWith('_'))
    .map((s) => s.replace(/_$/, '').replace(/^\$(.+)$/, ':$1'));
  return `/${segs.join('/')}`;
}

/** SvelteKit endpoints: `src/routes/polls/[id]/live/+server.ts` → `/polls/[id]/live` (groups dropped). */
export function svelteKitRoute(file: string): string | null {
  const posix = file.replace(/\\/g, '/');
  const m = /(?:^|\/)src\/routes\/(.*?)\/?\+server\.[cm]?[jt]s$/.exec(posix);
  if (!m) return null;
  const segs = (m[1] ?? '').split('/').filter((s) => s && !isGroup(s));
  return `/${segs.join('/')}`;
}

/**
 * Nuxt/Nitro server routes: `server/api/tickets/stream.get.ts` → `/api/tickets/stream`, `server/routes/feed.ts`
 * → `/feed` (an HTTP-method suffix and `index` dropped).
 */
export function nitroRoute(file: string): string | null {
  const posix = file.replace(/\\/g, '/');
  const m = /(?:^|\/)server\/(api|routes)\/(.+?)(?:\.(?:get|post|put|patch|delete|head|options))?\.[cm]?[jt]s$/.exec(posix);
  if (!m?.[2]) return null;
  const segs = m[2].split('/');
  if (segs[segs.length - 1] === 'index') segs.pop();
  const route = m[1] === 'api' ? ['api', ...segs] : segs;
  return `/${route.join('/')}`;
}

/** What the file's code says about the router it is written for (folders alone are ambiguous). */
export interface RouteHints {
  /** Defines a Nitro event handler (`server/api/…` is also a common folder of Express apps). */
  nitro: boolean;
  /** Exports a Remix `loader` or `action` (`app/routes/…` is also a common Express folder). */
  remix: boolean;
}

/** The route a file-based router gives the handler file, if any of the known conventions applies. */
export function fileRoute(file: string, hints: RouteHints): string | null {
  const posix = file.replace(/\\/g, '/');
  if (hints.remix && /(?:^|\/)app\/routes\/[^/]+(?:\/route)?\.[cm]?[jt]sx?$/.test(posix)) return remixRoute(posix);
  return nextRoute(posix) ?? svelteKitRoute(posix) ?? (hints.nitro ? nitroRoute(posix) : null);
}

export function routeHints(text: string): RouteHints {
  return {
    nitro: /\b(?:defineEventHandler|eventHandler)\s*\(/.test(text),
    remix: /\bexport\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+)(?:loader|action)\b/.test(text),
  };
}

function isGroup(seg: string): boolean {
  return /^\(.*\)$/.test(seg);
}
