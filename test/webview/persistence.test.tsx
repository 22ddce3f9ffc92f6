import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../webview/src/App';
import { fake, resetRecordings } from './fakeVsCodeApi';
import { fromHost, snapshot } from './fixtures';

describe('state across hide/show', () => {
  it('persists the page and the decision walk with setState', () => {
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'publish-after-write' }) });
    fireEvent.click(within(screen.getByRole('list', { name: 'Answers' })).getByRole('button', { name: /A broker or another service/ }));
    expect(fake.state).toEqual({
      version: 1,
      page: { kind: 'decision', treeId: 'publish-after-write' },
      walks: { 'publish-after-write': ['audience', 'store'] },
      lastTree: 'publish-after-write',
    });
  });

  it('restores the walk from getState when the view is shown again', () => {
    resetRecordings({
      version: 1,
      page: { kind: 'decision', treeId: 'publish-after-write' },
      walks: { 'publish-after-write': ['audience', 'store', 'stage'] },
      lastTree: 'publish-after-write',
      lastPrinciple: 'outbox-pattern',
    });
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'publish-after-write' }) });
    expect(screen.getByRole('heading', { level: 2, name: 'How far along is the outbox?' })).toBeTruthy();
    // The remembered principle is where the Principles tab goes back to.
    fireEvent.click(screen.getByRole('button', { name: 'Principles' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Use the Outbox Pattern for Atomic DB Update + Event Publish');
  });

  it('keeps the valid part of a stale walk and survives foreign state', () => {
    resetRecordings({ version: 1, page: 'garbage', walks: { 'publish-after-write': ['audience', 'store', 'gone', 'stage'], other: ['x'] } });
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'decision', treeId: 'publish-after-write' }) });
    expect(screen.getByRole('heading', { level: 2, name: 'Is the write itself an append to an event store?' })).toBeTruthy();
  });

  it('starts fresh when getState holds something else entirely', () => {
    resetRecordings('not an object');
    render(<App />);
    fromHost({ type: 'snapshot', snapshot: snapshot({ kind: 'flows' }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Event flows' })).toBeTruthy();
    expect(fake.state).toEqual({ version: 1, page: { kind: 'flows' }, walks: {} });
  });
});
