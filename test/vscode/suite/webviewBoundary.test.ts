import * as assert from 'node:assert/strict';
import { activateApi } from './extensionApi';

interface BoundaryApi {
  architecture: {
    show(page: { kind: 'principle'; id: string }): Promise<void>;
    receive(raw: unknown): Promise<void>;
    readonly rejectedMessages: number;
    readonly currentPage: { kind: string; id?: string };
    readonly isReady: boolean;
  };
}

describe('Architecture webview boundary', () => {
  it('ignores malformed messages (counted and logged, never thrown) and still accepts valid ones', async () => {
    const api = (await activateApi()) as unknown as BoundaryApi;
    await api.architecture.show({ kind: 'principle', id: 'outbox-pattern' });
    assert.ok(api.architecture.isReady, 'the webview said ready and got its snapshot');
    const before = api.architecture.rejectedMessages;
    const malformed: unknown[] = [
      null,
      'ready',
      { type: 'openLocation', location: { uri: 42, line: 1, column: 1 } },
      { type: 'showPrinciple', id: '../../etc/passwd' },
      { type: 'navigated', page: { kind: 'principle', id: 'nope' } },
      { type: 'insertScaffold', scaffoldId: '' },
      { type: 'runShell', command: 'rm -rf /' },
    ];
    for (const raw of malformed) await api.architecture.receive(raw);
    assert.equal(api.architecture.rejectedMessages - before, malformed.length);
    assert.deepEqual(api.architecture.currentPage, { kind: 'principle', id: 'outbox-pattern' });

    await api.architecture.receive({ type: 'navigated', page: { kind: 'principle', id: 'sse-default' } });
    assert.equal(api.architecture.rejectedMessages - before, malformed.length);
    assert.deepEqual(api.architecture.currentPage, { kind: 'principle', id: 'sse-default' });
  });
});
