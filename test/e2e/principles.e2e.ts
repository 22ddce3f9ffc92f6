// UI end to end: the user's path through the Event Architect side bar in a real VS Code (code-server),
// the extension installed from its .vsix. Run with `npm run test:e2e` (scripts/test/e2e.mjs).
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import {
  CONTAINER_TITLE,
  activityBarIcon,
  collapsePane,
  expandPane,
  quickPickRows,
  resizeSidebar,
  runCommand,
  runnerEnv,
  sidebarPane,
  treeRow,
  waitForWorkbench,
  webviewContent,
} from './workbench';

// Every run leaves its picture in test-results/ (ignored); `npm run test:e2e -- --update-screenshots`
// refreshes the README's copy in docs/images/, so a normal test run never dirties the checkout.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pictureDir = process.env.EA_UPDATE_SCREENSHOTS ? path.join(repoRoot, 'docs', 'images') : path.join(repoRoot, 'test-results', 'e2e');
const screenshotPath = path.join(pictureDir, 'event-architect.png');
const flowsScreenshotPath = path.join(pictureDir, 'event-flows.png');

const AREAS = ['Real-time transport', 'Event patterns', 'Reliable messaging', 'UI consistency'];
const OUTBOX = 'Use the Outbox Pattern for Atomic DB Update + Event Publish';
const OUTBOX_WHEN_NOT = 'Pure in-process event emission (EventEmitter) within a monolith.';
const BROKER = 'Match Message Broker to Durability and Throughput Requirements';

describe('Event Architect in the workbench', { timeout: 240_000 }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    const env = runnerEnv();
    browser = await chromium.connect(env.browserWs);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // Steps build on each other: fail fast rather than let every later step wait out a long timeout.
    page.setDefaultTimeout(20_000);
    await page.goto(env.workbenchUrl);
    await waitForWorkbench(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('has an activity-bar icon that opens the Event Architect side bar', async () => {
    const icon = activityBarIcon(page, CONTAINER_TITLE);
    await icon.waitFor();
    await icon.click();
    await page.locator('.part.sidebar .composite.title', { hasText: /Event Architect/i }).waitFor();
    await resizeSidebar(page, 720);
  });

  it('shows the seven principles grouped by area in the Principles tree', async () => {
    const pane = sidebarPane(page, 'Principles');
    await pane.locator('.monaco-list-row').first().waitFor();
    for (const area of AREAS) await treeRow(pane, area).waitFor();
    // Areas are expanded: 4 area rows + 7 principle rows.
    await assertEventually(async () => assert.equal(await pane.locator('.monaco-list-row').count(), AREAS.length + 7));
    await treeRow(pane, OUTBOX).waitFor();
  });

  it('expands a principle into What / Why / When / When not', async () => {
    const pane = sidebarPane(page, 'Principles');
    await treeRow(pane, OUTBOX).locator('.monaco-tl-twistie').click();
    for (const section of ['What', 'Why', 'When', 'When not']) await treeRow(pane, section).waitFor();
  });

  it('opens the principle in the Architecture webview, with its "When not" section', async () => {
    // Folding the Event Flows pane gives the webview room (and the README picture below).
    await collapsePane(page, 'Event Flows');
    const pane = sidebarPane(page, 'Principles');
    await treeRow(pane, 'When not').click();
    const webview = webviewContent(page);
    await webview.getByRole('heading', { name: OUTBOX }).waitFor({ timeout: 30_000 });
    const whenNot = webview.getByText('When not', { exact: true }).first();
    await whenNot.waitFor();
    await webview.getByText(OUTBOX_WHEN_NOT, { exact: false }).first().waitFor();
    // The picture for the README: the tree above the page, its "When not" section in view.
    await whenNot.scrollIntoViewIfNeeded();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(sidebar, 'the side bar is not visible');
    await page.screenshot({ path: screenshotPath, clip: { x: 0, y: sidebar.y, width: sidebar.x + sidebar.width, height: sidebar.height } });
  });

  it('"Event Architect: Show Principle…" in the command palette picks a principle', async () => {
    await runCommand(page, 'Event Architect: Show Principle…');
    await assertEventually(async () => assert.equal(await quickPickRows(page).count(), 7));
    await page.locator('.quick-input-widget input.input').fill('durability');
    await quickPickRows(page).filter({ hasText: BROKER }).first().waitFor();
    await page.keyboard.press('Enter');
    await webviewContent(page).getByRole('heading', { name: BROKER }).waitFor({ timeout: 30_000 });
  });

  it('indexes examples/shop when Event Flows is shown, listing its Kafka topics', async () => {
    await expandPane(page, 'Event Flows');
    const flows = sidebarPane(page, 'Event Flows');
    // Showing the view starts the index; its rows are broker → channel.
    await treeRow(flows, 'orders.created').waitFor({ timeout: 60_000 });
    await treeRow(flows, 'orders.cancelled').waitFor();
  });

  it('draws the flows as a Mermaid diagram and flags the dual write in the editor', async () => {
    // Room for the diagram in the picture: the principles are covered by the first screenshot.
    await collapsePane(page, 'Principles');
    await runCommand(page, 'Event Architect: Show Flow Diagram');
    const webview = webviewContent(page);
    // Mermaid renders an <svg> whose node labels are the channels of the shop.
    await webview.locator('svg').filter({ hasText: 'orders.created' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Go to File...');
    await page.locator('.quick-input-widget input.input').fill('services/orders/src/routes.ts:59');
    await quickPickRows(page).first().waitFor();
    await page.keyboard.press('Enter');
    // The dual-write rule marks the publish lines (`:59` scrolls the first one into view).
    await page.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: flowsScreenshotPath });
  });
});

async function assertEventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
