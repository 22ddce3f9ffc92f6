import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../webview/src/App';
import { fake } from './fakeVsCodeApi';
import { fromHost, snapshot } from './fixtures';

function answer(label: string | RegExp): void {
  const answers = screen.getByRole('list', { name: 'Answers' });
  fireEvent.click(within(answers).getByRole('button', { name: label }));
}

function openTransportTree(): void {
  render(<App />);
  fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'server-push-transport' }) });
}

describe('Decision page', () => {
  it('walks the transport tree to a leaf and inserts its scaffold', async () => {
    openTransportTree();
    expect(screen.getByRole('heading', { level: 1, name: 'Which transport for server push?' })).toBeTruthy();
    answer(/Yes — the server has news/);
    answer(/Server → client only/);
    answer(/No, plain HTTP handlers/);
    expect(screen.getByRole('heading', { level: 2, name: 'What sits in front of the Node server?' })).toBeTruthy();
    answer('NGINX');

    const leaf = screen.getByRole('heading', { level: 2, name: 'Recommendation: SSE behind NGINX' });
    expect(document.activeElement).toBe(leaf);
    expect(screen.getByText('sse-reverse-proxy').tagName).toBe('CODE');
    fireEvent.click(await screen.findByRole('button', { name: 'Insert scaffold' }));
    expect(fake.posted).toEqual([{ type: 'ready' }, { type: 'insertScaffold', scaffoldId: 'sse-reverse-proxy', variantId: 'nginx' }]);
  });

  it('posts a scaffold without a variant when the leaf names none', async () => {
    openTransportTree();
    answer(/Yes — the server has news/);
    answer(/Server → client only/);
    answer('Yes, tRPC v11');
    fireEvent.click(await screen.findByRole('button', { name: 'Insert scaffold' }));
    expect(fake.posted.at(-1)).toEqual({ type: 'insertScaffold', scaffoldId: 'trpc-sse-subscription' });
  });

  it('goes back through breadcrumbs and the Back button', async () => {
    openTransportTree();
    answer(/Yes — the server has news/);
    answer(/Both ways/);
    const crumbs = screen.getByRole('navigation', { name: 'Decision path' });
    expect(within(crumbs).getByText('Both ways, continuously').getAttribute('aria-current')).toBe('step');
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Yes — the server has news the client must see' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Which way do the messages flow?' })).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toMatch('Does the data this client shows change');
    expect(screen.queryByRole('navigation', { name: 'Decision path' })).toBeNull();
    // Stepping inside a tree is not a page change: only `ready` was posted.
    expect(fake.posted).toEqual([{ type: 'ready' }]);
  });

  it('shows the principle behind a leaf without a scaffold button when there is none', async () => {
    openTransportTree();
    answer(/Yes — the server has news/);
    answer(/Both ways/);
    answer(/A managed service/);
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Recommendation: Let the managed service fan out');
    expect(screen.queryByRole('button', { name: 'Insert scaffold' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Show principle' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Scale WebSocket with Pub/Sub Adapters, Not Sticky Sessions');
    expect(fake.posted.at(-1)).toEqual({ type: 'navigated', page: { kind: 'principle', id: 'websocket-pubsub-scaling' } });
  });

  it('switches trees with the picker and follows "next questions"', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'broker-choice' }) });
    answer(/Events or messages/);
    answer(/Yes — it must be durable/);
    answer(/Service-to-service/);
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Recommendation: NATS JetStream');
    fireEvent.click(screen.getByRole('button', { name: 'How do I publish after a DB write?' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('How do I publish after a DB write?');
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'cqrs-level' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('CQRS level 1 or 2?');
    expect(fake.posted.slice(1)).toEqual([
      { type: 'navigated', page: { kind: 'decision', treeId: 'publish-after-write' } },
      { type: 'navigated', page: { kind: 'decision', treeId: 'cqrs-level' } },
    ]);
  });

  it('reports an unknown tree instead of crashing', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'no-such-tree' }) });
    expect(screen.getByRole('alert').textContent).toMatch('Unknown decision “no-such-tree”');
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'event-sourcing-need' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Do I need event sourcing?');
  });
});
