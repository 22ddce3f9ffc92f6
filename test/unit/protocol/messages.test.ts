import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from '../../../src/protocol/messages';

describe('parseWebviewMessage (the host boundary)', () => {
  it('accepts each well-formed message', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'navigated', page: { kind: 'principle', id: 'outbox-pattern' } },
      { type: 'navigated', page: { kind: 'flows' } },
      { type: 'openLocation', location: { uri: 'file:///w/a.ts', line: 3, column: 1 } },
      { type: 'showPrinciple', id: 'sse-default' },
      { type: 'reindex' },
      { type: 'insertScaffold', scaffoldId: 'outbox-relay' },
    ];
    for (const raw of good) expect(parseWebviewMessage(raw)).toMatchObject({ ok: true, message: raw });
  });

  it('rejects malformed messages with a reason, never throwing', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'ready',
      [],
      {},
      { type: 'ready!' },
      { type: 'showPrinciple', id: 'no-such-principle' },
      { type: 'openLocation', location: { uri: '', line: 1, column: 1 } },
      { type: 'openLocation', location: { uri: 'file:///a', line: 0, column: 1 } },
      { type: 'openLocation', location: { uri: 'file:///a', line: 1.5, column: 1 } },
      { type: 'navigated', page: { kind: 'decision', treeId: 'x'.repeat(500) } },
      { type: 'insertScaffold', scaffoldId: { toString: 'boom' } },
      Object.create(null),
    ];
    for (const raw of bad) {
      const result = parseWebviewMessage(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
    }
  });

  it('drops unknown extra fields instead of passing them on', () => {
    const result = parseWebviewMessage({ type: 'reindex', __proto__: { polluted: true }, extra: 'x' });
    expect(result).toEqual({ ok: true, message: { type: 'reindex' } });
  });
});
