// UI end to end: the decision trees start from the code. On examples/shop the transport tree is answered
// from the index with evidence that opens the code, a pre-answer is overridden, and the walk is saved as
// a Markdown decision record (docs/adr/NNNN-….md) on disk. Run with `node scripts/test/e2e.mjs decision`.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import {
  CONTAINER_TITLE,
  activityBarIcon,
  collapsePane,
  cursorLine,
  quickPickRows,
  resizeSidebar,
  runCommandWhenReady,
  runnerEnv,
  waitForExtensionHost,
  waitForWorkbench,
  webviewContent,
} from './workbench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pictureDir = process.env.EA_UPDATE_SCREENSHOTS ? path.join(repoRoot, 'docs', 'images') : path.join(repoRoot, 'test-results', 'e2e');
const workspace = process.env.EA_WORKSPACE ?? '';
const adrDir = path.join(workspace, 'docs', 'adr');

const NGINX_EVIDENCE = 'nginx.conf proxies /api/notifications/stream without proxy_buffering off';

async function openTree(page: Page, title: string): Promise<FrameLocator> {
  await runCommandWhenReady(page, 'Event Architect: Open Decision Tree…');
  await quickPickRows(page).filter({ hasText: title }).first().click();
  const view = webviewContent(page);
  await view.getByRole('heading', { level: 1, name: title }).waitFor();
  return view;
}

describe('Decision trees that start from the code', { timeout: 400_000 }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(workspace && existsSync(workspace), 'the runner passes the workspace copy in EA_WORKSPACE');
    const env = runnerEnv();
    browser = await chromium.connect(env.browserWs);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await page.goto(env.workbenchUrl);
    await waitForWorkbench(page);
    await waitForExtensionHost(page);
    await activityBarIcon(page, CONTAINER_TITLE).click();
    await resizeSidebar(page, 760);
    await collapsePane(page, 'Event Flows');
    await collapsePane(page, 'Principles');
  });

  after(async () => {
    await browser?.close();
  });

  it('pre-answers the transport tree on the shop, with the evidence shown', async () => {
    const view = await openTree(page, 'Which transport for server push?');
    // The index and the rules run first: the pre-answers arrive with the findings.
    await view.getByRole('heading', { name: 'Answered so far' }).waitFor({ timeout: 180_000 });
    await view.getByRole('heading', { level: 2, name: 'Recommendation: SSE behind NGINX' }).waitFor();
    const proxyStep = view.locator('li.decision-step[data-step="proxy"]');
    await proxyStep.getByText('NGINX', { exact: true }).waitFor();
    await proxyStep.getByText('from your code').waitFor();
    await proxyStep.getByRole('button', { name: NGINX_EVIDENCE }).waitFor();
    const direction = view.locator('li.decision-step[data-step="direction"]');
    await direction.getByRole('button', { name: 'SSE endpoint /api/notifications/stream in @shop/notifications' }).waitFor();
    // The chart is drawn with the walked branch highlighted.
    await view.locator('.decision-chart svg .eaCurrent').first().waitFor({ timeout: 60_000 });
    await view.getByText('4 questions were answered from your code.', { exact: false }).waitFor();
  });

  it('opens the code an evidence points to', async () => {
    const view = webviewContent(page);
    await view.locator('li.decision-step[data-step="proxy"]').getByRole('button', { name: NGINX_EVIDENCE }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'nginx.conf' }).waitFor();
    await assertEventually(async () => assert.equal(await cursorLine(page), 33));
    // The README picture: the pre-answered tree next to the line its evidence points to.
    await page.screenshot({ path: path.join(pictureDir, 'decision-tree.png') });
  });

  it('follows an overridden pre-answer to another recommendation', async () => {
    const view = webviewContent(page);
    const direction = view.locator('li.decision-step[data-step="direction"]');
    await direction.locator('summary', { hasText: 'Change answer' }).click();
    await direction.getByRole('button', { name: 'Both ways, continuously' }).click();
    await view.getByRole('heading', { level: 2, name: 'Recommendation: WebSocket with a Redis pub/sub adapter' }).waitFor();
    await view.locator('li.decision-step[data-step="direction"]').getByText('your answer (overrides the code)').waitFor();
    // After the override the index answers again: PM2 runs the chat service as four instances.
    await view
      .locator('li.decision-step[data-step="instances"]')
      .getByRole('button', { name: 'ecosystem.config.cjs: runs several instances: PM2 instances: 4' })
      .waitFor();
    assert.equal(await view.locator('li.decision-step[data-step="proxy"]').count(), 0);
  });

  it('saves the walk as a decision record, numbered after the ones on disk', async () => {
    const view = webviewContent(page);
    const expected = ['0001-which-transport-for-server-push-websocket-with-a-redis-pub.md'];
    for (const name of [...expected, expected[0]!.replace('0001', '0002')]) {
      await view.getByRole('button', { name: 'Save as decision record' }).click();
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Save the decision record as docs/adr/' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), new RegExp(name.replace(/\./g, '\\.')));
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      const file = path.join(adrDir, name);
      await assertEventually(async () => assert.ok(existsSync(file), `${file} exists`));
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^# Which transport for server push\? WebSocket with a Redis pub\/sub adapter$/m);
      assert.match(text, /## Context and Problem Statement/);
      assert.match(text, /## Decision Outcome/);
      assert.match(text, /2\. \*\*Which way do the messages flow\?\*\* — Both ways, continuously \(\*our answer, overriding the code’s “Server → client only”\*\)/);
      assert.match(text, /\[`ecosystem\.config\.cjs`: runs several instances: PM2 `instances: 4`\]\(\.\.\/\.\.\/services\/chat\/ecosystem\.config\.cjs#L6\)/);
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(readdirSync(adrDir).sort(), [expected[0], expected[0]!.replace('0001', '0002')]);
  });

  it('pre-answers the broker tree from the Kafka producers and the dual writes', async () => {
    const view = await openTree(page, 'Which broker?');
    await view.getByRole('heading', { level: 2, name: 'Recommendation: Kafka' }).waitFor();
    await view.locator('li.decision-step[data-step="purpose"]').getByRole('button', { name: 'Kafka producers in 1 service (@shop/orders)' }).waitFor();
    const dualWrite = view.locator('li.decision-step[data-step="durability"]').getByRole('button', { name: /^Dual write in routes\.ts:59/ });
    await dualWrite.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'routes.ts' }).waitFor();
    await assertEventually(async () => assert.equal(await cursorLine(page), 59));
  });
});

async function assertEventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
