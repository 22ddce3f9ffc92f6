import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../webview/src/App';
import { fake } from './fakeVsCodeApi';
import { consumer, fromHost, graph, producer, readyIndex, snapshot } from './fixtures';

function flowItem(channel: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Flows' });
  const heading = within(list).getByRole('heading', { level: 3, name: new RegExp(channel) });
  return heading.closest('li') as HTMLElement;
}

describe('Flows page', () => {
  it('shows an empty state with a Re-index button before the first index', async () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }) });
    expect(screen.getByText(/No flow index yet/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch('has not been indexed yet');
    // <vscode-button> reflects role="button" on its first (asynchronous) Lit update.
    fireEvent.click(await screen.findByRole('button', { name: 'Re-index' }));
    expect(fake.posted).toEqual([{ type: 'ready' }, { type: 'reindex' }]);
  });

  it('lists flows and opens the clicked producer or consumer at its location', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph, index: readyIndex }) });
    expect(screen.getByRole('heading', { level: 2, name: '2 flows' })).toBeTruthy();
    expect(screen.getByText(/Indexed 120 files: 3 detections, 2 flows \(850 ms\)/)).toBeTruthy();

    const kafka = flowItem('orders.created');
    fireEvent.click(within(kafka).getByRole('button', { name: 'Open producer src/orders/service.ts:42' }));
    fireEvent.click(within(kafka).getByRole('button', { name: 'Open consumer src/billing/consumer.ts:17' }));
    expect(fake.posted.slice(1)).toEqual([
      { type: 'openLocation', location: producer.location },
      { type: 'openLocation', location: consumer.location },
    ]);
    expect(within(kafka).getByText('OrdersService.create', { exact: false })).toBeTruthy();
  });

  it('filters the list by channel, broker or endpoint words', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph, index: readyIndex }) });
    const filter = screen.getByLabelText('Filter');
    fireEvent.change(filter, { target: { value: 'BILLING consumer' } });
    expect(screen.getByRole('heading', { level: 2, name: '1 of 2 flows' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Flows' })).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'kafka orders.created',
    ]);
    fireEvent.change(filter, { target: { value: 'socket.io' } });
    expect(flowItem('order:update')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'nothing-like-this' } });
    expect(screen.getByRole('heading', { level: 2, name: '0 of 2 flows' })).toBeTruthy();
    fireEvent.change(filter, { target: { value: '' } });
    expect(screen.getByRole('heading', { level: 2, name: '2 flows' })).toBeTruthy();
  });

  it('shows an endpoint the graph has no detection for as plain text', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph, index: readyIndex }) });
    const socket = flowItem('order:update');
    const unresolved = within(socket).getByText('web/src/live.ts:3:1:ws.on');
    expect(unresolved.closest('.endpoint-unresolved')).not.toBeNull();
    expect(unresolved.closest('button')).toBeNull();
    expect(within(socket).getAllByRole('button')).toHaveLength(1);
  });

  it('follows index progress and errors, with no button to start an index already running', async () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }) });
    // Before the files are counted: no "0 / 0" counter, and no Re-index button while indexing.
    fromHost({ type: 'indexStatus', status: { state: 'indexing', done: 0, total: 0 } });
    expect(screen.getByRole('status').textContent).toBe('Indexing… finding the files');
    expect(document.body.textContent).not.toMatch(/0 \/ 0/);
    fromHost({ type: 'indexStatus', status: { state: 'indexing', done: 12, total: 40 } });
    expect(screen.getByText(/Indexing… 12 \/ 40 files/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Re-index' })).toBeNull();
    expect(screen.getByText('The flows appear here as soon as the index is ready.')).toBeTruthy();

    fromHost({ type: 'indexStatus', status: { state: 'error', message: 'worker exited with code 1' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'Indexing failed: worker exited with code 1 Re-index once the cause is fixed; the log has the details.',
    );
    const button = await screen.findByRole('button', { name: 'Re-index' });
    expect(button.getAttribute('aria-disabled')).toBe('false');
    fireEvent.click(button);
    expect(fake.posted).toEqual([{ type: 'ready' }, { type: 'reindex' }]);
  });

  it('replaces the list when a new graph arrives, and says when no flow was found', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph, index: readyIndex }) });
    fromHost({ type: 'graph', graph: { flows: [], detections: [producer], mermaid: '' } });
    expect(screen.queryByRole('list', { name: 'Flows' })).toBeNull();
    expect(screen.getByText(/Event code was found, but no channel has both a producer and a consumer/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Browse the principles' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('SSE is the Default for Server-to-Client Push');
  });

  it('shows a readable message, not a crash, when the diagram cannot be drawn', async () => {
    render(<App />);
    const broken = { ...graph, mermaid: 'flowchart LR\n  a -->|unterminated b' };
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }, { graph: broken, index: readyIndex }) });
    const alert = await waitFor(() => screen.getByText(/The diagram could not be drawn/), { timeout: 15_000 });
    expect(alert.textContent).toMatch(/Parse error|Expecting|Lexical error/);
    // The list still works next to the failed diagram.
    expect(screen.getByRole('heading', { level: 2, name: '2 flows' })).toBeTruthy();
  }, 20_000);
});
