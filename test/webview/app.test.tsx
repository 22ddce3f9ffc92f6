import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../webview/src/App';
import { fake } from './fakeVsCodeApi';
import { fromHost, snapshot } from './fixtures';

describe('App bootstrap', () => {
  it('posts ready first, once, and waits for the snapshot', () => {
    render(<App />);
    expect(fake.posted).toEqual([{ type: 'ready' }]);
    expect(screen.getByRole('status').textContent).toMatch('Loading Event Architect');
    expect(fake.acquisitions).toBe(1);
  });

  it('renders the principle page of the snapshot with its When not section', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'principle', id: 'sse-default' }) });
    expect(screen.getByRole('heading', { level: 1, name: 'SSE is the Default for Server-to-Client Push' })).toBeTruthy();
    const whenNot = screen.getByRole('heading', { level: 2, name: 'When not' });
    const section = whenNot.closest('section');
    expect(section).not.toBeNull();
    expect(within(section as HTMLElement).getByText(/Bidirectional interaction \(chat, multiplayer gaming/)).toBeTruthy();
    for (const heading of ['What', 'Why', 'When']) expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy();
    // Inline code from the seed becomes <code>.
    expect(screen.getByText('proxy_buffering off').tagName).toBe('CODE');
    // The page cites the principles document by title and section, never an internal path.
    const cite = document.querySelector('.source cite');
    expect(cite?.textContent).toBe(
      'Real-time & Event-Driven Architecture Principles, section “SSE is the Default for Server-to-Client Push” (revised 2026-02-19)',
    );
    expect(document.body.textContent).not.toMatch(/research\//);
    expect(fake.posted).toEqual([{ type: 'ready' }]);
  });

  it('posts navigated for every user navigation, but not for host-driven ones', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'principle', id: 'outbox-pattern' }) });

    fireEvent.click(screen.getByRole('button', { name: 'Flows' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Event flows' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Principles' }));
    // The tab returns to the principle the user last read.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch('Use the Outbox Pattern');

    fireEvent.click(screen.getByRole('button', { name: 'How do I publish after a DB write?' }));
    expect(screen.getByRole('heading', { level: 1, name: 'How do I publish after a DB write?' })).toBeTruthy();

    fromHost({ type: 'navigate', page: { kind: 'principle', id: 'broker-matching' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch('Match Message Broker');

    expect(fake.posted).toEqual([
      { type: 'ready' },
      { type: 'navigated', page: { kind: 'flows' } },
      { type: 'navigated', page: { kind: 'principle', id: 'outbox-pattern' } },
      { type: 'navigated', page: { kind: 'decision', treeId: 'publish-after-write' } },
    ]);
  });

  it('marks the current page in the nav and moves between principles from the index', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'principle', id: 'sse-default' }) });
    expect(screen.getByRole('button', { name: 'Principles' }).getAttribute('aria-current')).toBe('page');
    const index = screen.getByRole('navigation', { name: 'All principles' });
    fireEvent.click(within(index).getByRole('button', { name: /CQRS Level 1 First/ }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch('Use CQRS Level 1 First');
    expect(fake.posted.at(-1)).toEqual({ type: 'navigated', page: { kind: 'principle', id: 'cqrs-level-1-first' } });
  });

  it('ignores messages that are not from the host protocol', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }) });
    fromHost('hello');
    fromHost({ type: 'navigate' });
    fromHost({ type: 'snapshot', snapshot: { principles: 'nope' } });
    fromHost({ type: 'somethingElse', page: { kind: 'principle', id: 'sse-default' } });
    expect(screen.getByRole('heading', { level: 1, name: 'Event flows' })).toBeTruthy();
  });

  it('says so when the host asks for a principle it does not know', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'principle', id: 'sse-default' }, { principles: [] }) });
    expect(screen.getByRole('alert').textContent).toMatch('Unknown principle');
  });
});
