import { describe, expect, it } from 'vitest';
import { fileRoute, nitroRoute, remixRoute, routeHints, svelteKitRoute } from '../../../src/core/analysis/extract/fileRoutes';

describe('routes of file-routed frameworks', () => {
  it('derives Remix flat routes', () => {
    expect(remixRoute('web/app/routes/api.inbox.stream.ts')).toBe('/api/inbox/stream');
    expect(remixRoute('app/routes/api.jobs.$id.events/route.tsx')).toBe('/api/jobs/:id/events');
    expect(remixRoute('app/routes/_auth.feed[.]json.ts')).toBe('/feed.json');
    expect(remixRoute('app/routes/events_.live._index.tsx')).toBe('/events/live');
    expect(remixRoute('app/components/Feed.tsx')).toBeNull();
  });

  it('derives SvelteKit endpoints and drops groups', () => {
    expect(svelteKitRoute('src/routes/polls/[id]/live/+server.ts')).toBe('/polls/[id]/live');
    expect(svelteKitRoute('src/routes/(app)/feed/+server.js')).toBe('/feed');
    expect(svelteKitRoute('src/routes/feed/+page.server.ts')).toBeNull();
  });

  it('derives Nitro routes without the method suffix', () => {
    expect(nitroRoute('server/api/tickets/stream.get.ts')).toBe('/api/tickets/stream');
    expect(nitroRoute('server/api/alerts/index.ts')).toBe('/api/alerts');
    expect(nitroRoute('server/routes/feed.ts')).toBe('/feed');
  });

  it('takes a Nitro or Remix route only when the code is written for that router', () => {
    const nitro = routeHints('export default defineEventHandler(async (event) => {})');
    const remix = routeHints('export async function loader({ request }) {}');
    const express = routeHints('export function ticker(req, res) {}');
    expect(fileRoute('apps/desk/server/api/tickets/stream.get.ts', nitro)).toBe('/api/tickets/stream');
    expect(fileRoute('apps/legacy/server/api/ticker.ts', express)).toBeNull();
    expect(fileRoute('app/routes/api.inbox.stream.ts', remix)).toBe('/api/inbox/stream');
    expect(fileRoute('app/routes/users.ts', express)).toBeNull();
    expect(fileRoute('app/api/events/route.ts', express)).toBe('/api/events');
  });
});
