import * as assert from 'node:assert/strict';
import { activateApi } from './extensionApi';

describe('Activation', () => {
  it('activates without indexing and reports its own activation time', async function () {
    const api = (await activateApi()) as unknown as { activationMs: number };
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs = ${api.activationMs}`);
    // Speed targets live in the benchmark; here the number is only reported (in the test title).
    if (this.test) this.test.title += ` (${api.activationMs} ms)`;
  });
});
