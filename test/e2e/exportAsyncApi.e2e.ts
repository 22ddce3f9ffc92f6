// UI end to end: "Event Architect: Export AsyncAPI…" in a real VS Code (code-server) on a fresh copy of
// examples/shop. What the user ends up with is checked: asyncapi.yaml at the workspace root, equal to the
// committed example (the CLI's output), open in an editor; a changed file is replaced only after the user
// confirms. Run with `npm run test:e2e` (scripts/test/e2e.mjs).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CONTAINER_TITLE, activityBarIcon, runCommand, runnerEnv, waitForWorkbench } from './workbench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = readFileSync(path.join(repoRoot, 'examples', 'shop', 'asyncapi.yaml'), 'utf8');
const COMMAND = 'Event Architect: Export AsyncAPI…';

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Export AsyncAPI in the workbench', { timeout: 240_000 }, () => {
  let browser: Browser;
  let page: Page;
  const workspace = process.env.EA_WORKSPACE ?? '';
  const target = path.join(workspace, 'asyncapi.yaml');

  before(async () => {
    const env = runnerEnv();
    assert.ok(workspace, 'EA_WORKSPACE is not set');
    rmSync(target, { force: true });
    browser = await chromium.connect(env.browserWs);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(60_000);
    await page.goto(env.workbenchUrl);
    await waitForWorkbench(page);
    // The palette lists the extension's commands once its contributions are loaded, as its icon shows.
    await activityBarIcon(page, CONTAINER_TITLE).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it('writes asyncapi.yaml at the workspace root, the same document as the CLI, and opens it', async () => {
    await runCommand(page, COMMAND);
    await until(() => existsSync(target), 'asyncapi.yaml');
    assert.equal(readFileSync(target, 'utf8'), example);
    await page.locator('.tabs-container .tab', { hasText: 'asyncapi.yaml' }).first().waitFor();
    await page.locator('.view-lines', { hasText: 'asyncapi: 3.0.0' }).first().waitFor();
  });

  it('asks before replacing a changed file, and replaces it only on Overwrite', async () => {
    writeFileSync(target, 'asyncapi: 3.0.0\n# edited by hand\n');
    await runCommand(page, COMMAND);
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'asyncapi.yaml already exists' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.match(readFileSync(target, 'utf8'), /edited by hand/);

    await runCommand(page, COMMAND);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await until(() => readFileSync(target, 'utf8') === example, 'the overwritten asyncapi.yaml');
  });
});
