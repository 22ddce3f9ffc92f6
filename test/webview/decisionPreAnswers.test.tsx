import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../webview/src/App';
import type { DecisionsSnapshot } from '../../src/protocol/messages';
import { fake } from './fakeVsCodeApi';
import { fromHost, snapshot } from './fixtures';

const nginx = { uri: 'file:///w/infra/nginx.conf', line: 33, column: 3 };
const decisions: DecisionsSnapshot = {
  'server-push-transport': {
    shared: {
      next: 'direction',
      reason: 'The code already pushes from the server.',
      evidence: [{ text: 'SSE endpoint `/events` in `@shop/notifications`', file: 'src/stream.ts', line: 13, location: { uri: 'file:///w/src/stream.ts', line: 13, column: 1 } }],
    },
    direction: {
      next: 'stack',
      reason: 'Server-sent events carry server → client traffic only.',
      evidence: [{ text: 'SSE endpoint `/events` in `@shop/notifications`', file: 'src/stream.ts', line: 13, location: { uri: 'file:///w/src/stream.ts', line: 13, column: 1 } }],
    },
    stack: { next: 'proxy', reason: 'No tRPC subscription.', evidence: [{ text: 'no tRPC', file: 'src/stream.ts', line: 13, location: { uri: 'file:///w/src/stream.ts', line: 13, column: 1 } }] },
    proxy: {
      next: 'sseNginx',
      reason: 'NGINX proxies the SSE routes, with response buffering still on.',
      evidence: [{ text: '`nginx.conf` proxies `/events` without `proxy_buffering off`', file: 'infra/nginx.conf', line: 33, location: nginx }],
    },
  },
};

function step(key: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`li.decision-step[data-step="${key}"]`);
  if (!el) throw new Error(`no step ${key}`);
  return el;
}

describe('Decision page with pre-answers', () => {
  it('walks the pre-answered questions, opens evidence, overrides one and saves the record', async () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'server-push-transport' }, { decisions }) });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toContain('Recommendation: SSE behind NGINX');
    expect(screen.getByText(/4 questions were answered from your code/)).toBeTruthy();
    const proxy = step('proxy');
    expect(within(proxy).getByText('from your code')).toBeTruthy();
    fireEvent.click(within(proxy).getByRole('button', { name: 'nginx.conf proxies /events without proxy_buffering off' }));
    expect(fake.posted.at(-1)).toEqual({ type: 'openLocation', location: nginx });

    // Override "Server → client only": the walk leaves the code's branch and asks about instances.
    fireEvent.click(within(step('direction')).getByRole('button', { name: 'Both ways, continuously' }));
    expect(screen.getAllByRole('heading', { level: 2 })[1]?.textContent).toBe('How many server instances hold WebSocket connections?');
    expect(within(step('direction')).getByText('your answer (overrides the code)')).toBeTruthy();
    expect(document.querySelector('li.decision-step[data-step="proxy"]')).toBeNull();
    // …and back to the code's answer.
    fireEvent.click(within(step('direction')).getByRole('button', { name: 'Use the code’s answer again' }));
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toContain('Recommendation: SSE behind NGINX');

    // <vscode-button> reflects role="button" on its first (asynchronous) Lit update.
    fireEvent.click(await screen.findByRole('button', { name: 'Save as decision record' }));
    expect(fake.posted.at(-1)).toEqual({
      type: 'saveDecisionRecord',
      treeId: 'server-push-transport',
      path: ['shared', 'direction', 'stack', 'proxy', 'sseNginx'],
    });
  }, 30_000);

  it('follows new pre-answers when the index changes', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'server-push-transport' }) });
    expect(screen.getAllByRole('heading', { level: 2 })[0]?.textContent).toMatch('Does the data this client shows change');
    fromHost({ type: 'decisions', decisions });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toContain('Recommendation: SSE behind NGINX');
  });
});
