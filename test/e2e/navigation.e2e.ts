// UI end to end: navigation across message boundaries and tunable rules, in a fresh code-server window
// on examples/shop where the Event Architect side bar is never opened (the index starts after start-up
// because the shop's package.json files name kafkajs, bullmq, socket.io…). Run with `npm run test:e2e`.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/core/analysis/index';
import { FlowGraph, MESSAGE_KINDS, lensTitle } from '../../src/core/navigation';
import { CONTAINER_TITLE, quickPickRows, runCommand, runnerEnv, waitForWorkbench } from './workbench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const failureDir = path.join(repoRoot, 'test-results', 'e2e');
const ROUTES = 'services/orders/src/routes.ts';

describe('Navigation and tunable rules, side bar never opened', { timeout: 300_000 }, () => {
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async () => {
    const env = runnerEnv();
    workspace = process.env.EA_WORKSPACE ?? '';
    assert.ok(workspace, 'EA_WORKSPACE is not set');
    browser = await chromium.connect(env.browserWs);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await page.goto(env.workbenchUrl);
    await waitForWorkbench(page);
  });

  afterEach(async (t) => {
    // A failing step leaves its picture behind, so the failure can be seen rather than guessed.
    if (!page || !('name' in t)) return;
    mkdirSync(failureDir, { recursive: true });
    await page.screenshot({ path: path.join(failureDir, `navigation-${t.name.replace(/[^\w]+/g, '-').slice(0, 60)}.png`) }).catch(() => undefined);
  });

  after(async () => {
    rmSync(path.join(workspace, '.vscode'), { recursive: true, force: true });
    await browser?.close();
  });

  it('shows a diagnostic after routes.ts is opened, without the side bar ever being shown', async () => {
    assert.equal(await eventArchitectSidebar(page).count(), 0, 'the Event Architect side bar is not open');
    await openFile(page, `${ROUTES}:59`);
    // The dual write on line 59 (kafka publish after the INSERT): an Event Architect warning.
    await page.locator('.squiggly-warning').first().waitFor({ timeout: 120_000 });
    await hoverSquiggleMessage(page, /publishes to Kafka topic `orders\.created`/);
    assert.equal(await eventArchitectSidebar(page).count(), 0, 'the side bar is still closed');
  });

  it('CodeLens counts above the publishes match the flow graph', async () => {
    const result = await analyze([workspace]);
    const graph = new FlowGraph(result);
    const expected = graph
      .inFile(0, ROUTES)
      .filter((d) => MESSAGE_KINDS.has(d.kind) && d.channel !== null && graph.flowsOf(d).length > 0)
      .map((d) => lensTitle(d, graph.counterparts(d)));
    assert.deepEqual(expected, ['1 consumer · 1 producer', '1 consumer · 1 producer', '1 consumer · 1 producer']);
    await openFile(page, `${ROUTES}:70`);
    const lenses = page.locator('.editor-group-container.active .codelens-decoration');
    await lenses.first().waitFor({ timeout: 60_000 });
    await eventually(async () => {
      const shown = (await lenses.allInnerTexts()).map((t) => t.trim()).filter((t) => /consumer|producer/.test(t));
      // Lines 59, 63 and 84 are all in view around line 70.
      assert.deepEqual(shown, expected);
    });
    // A click on the lens peeks at the other side: the consumer in the notifications service.
    await lenses.filter({ hasText: 'consumer' }).first().locator('a').first().click();
    const peek = page.locator('.editor-group-container.active .peekview-widget');
    await peek.waitFor();
    await peek.locator('.peekview-title', { hasText: /index\.ts.*notifications/ }).first().waitFor();
    await peek.locator('.monaco-list-row', { hasText: 'consumer.subscribe' }).first().waitFor();
    await page.keyboard.press('Escape');
    await peek.waitFor({ state: 'hidden' });
  });

  it('Go to Consumers from the orders.created producer lists the consumer in the notifications service and opens it', async () => {
    await openFile(page, `${ROUTES}:59:20`);
    await runCommand(page, 'Event Architect: Go to Consumers');
    const rows = quickPickRows(page);
    await rows.first().waitFor();
    await eventually(async () => assert.equal(await rows.count(), 1));
    const row = rows.first();
    assert.match(await row.innerText(), /@shop\/notifications/);
    assert.match(await row.innerText(), /services\/notifications\/src\/index\.ts:24/);
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const crumbs = (await page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(crumbs.slice(0, 4), ['services', 'notifications', 'src', 'index.ts']);
    });
    // The cursor sits on the consumer's subscribe call.
    await page.locator('.view-line', { hasText: 'consumer.subscribe({ topic: TOPICS.orderCreated })' }).first().waitFor();
    await page.locator('.statusbar-item', { hasText: /Ln 24, Col \d+/ }).first().waitFor();
  });

  it('turning dual-write off in the settings removes its diagnostics, and default brings them back', async () => {
    await openFile(page, `${ROUTES}:59`);
    const warnings = page.locator('.editor-group-container.active .squiggly-warning');
    await warnings.first().waitFor();
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'eventArchitect.rules.dual-write': 'off' }, null, 2));
    await eventually(async () => assert.equal(await warnings.count(), 0, 'dual-write warnings gone'), 30_000);
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'eventArchitect.rules.dual-write': 'error' }, null, 2));
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ timeout: 30_000 });
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), '{}\n');
    await warnings.first().waitFor({ timeout: 30_000 });
  });

  it('the suppression quick fix inserts a disable-next-line comment and the diagnostic goes', async () => {
    await openFile(page, `${ROUTES}:59:20`);
    const warnings = page.locator('.editor-group-container.active .squiggly-warning');
    await warnings.first().waitFor();
    const before = await warnings.count();
    await openQuickFix(page, 'Suppress dual-write on this line');
    await chooseAction(page, 'Suppress dual-write on this line');
    await page.locator('.view-line', { hasText: '// event-architect-disable-next-line dual-write' }).first().waitFor();
    await eventually(async () => assert.equal(await warnings.count(), before - 1, 'one dual write suppressed'), 30_000);
    // Leave the shop as it was for the other tests: undo the edit (the document is clean again).
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal(await page.locator('.view-line', { hasText: 'event-architect-disable-next-line' }).count(), 0));
    await eventually(async () => assert.equal(await warnings.count(), before), 30_000);
  });

  it('offers the getting-started walkthrough: principles, flows, a message boundary, a fix', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const walkthrough = quickPickRows(page).filter({ hasText: 'Get Started with Event Architect' }).first();
    await walkthrough.waitFor();
    await walkthrough.click();
    const page_ = page.locator('.gettingStartedContainer');
    for (const step of ['Browse the principles', 'See your event flows', 'Jump across a message boundary', 'Apply a fix']) {
      await page_.locator('.getting-started-step', { hasText: step }).first().waitFor();
    }
    // The first step shows the README's picture of the Principles tree.
    await page_.locator('img[alt^="The Principles tree"]').first().waitFor();
  });
});

function eventArchitectSidebar(page: Page) {
  return page.locator('.part.sidebar .composite.title', { hasText: new RegExp(CONTAINER_TITLE, 'i') });
}

/** Quick Open (`file:line[:column]`), the way a user jumps to a place. */
async function openFile(page: Page, target: string): Promise<void> {
  await runCommand(page, 'Go to File...');
  await page.locator('.quick-input-widget input.input').fill(target);
  // Enter only once the list shows the file: before that its first row is a recently opened one.
  const name = path.basename(target.split(':')[0] ?? target);
  await eventually(async () => assert.match(await quickPickRows(page).first().innerText(), new RegExp(name.replace(/\./g, '\\.'))));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
}

/**
 * Ctrl+. until the menu offers `label`: right after the diagnostics are replaced (a settings change) or
 * while the TypeScript server starts, VS Code can answer "No code actions available"; a user presses again.
 */
async function openQuickFix(page: Page, label: string): Promise<void> {
  await eventually(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 3_000 });
  }, 40_000);
}

/** Picks an entry of the open Quick Fix menu with the keyboard, as a user does after Ctrl+. */
async function chooseAction(page: Page, label: string): Promise<void> {
  await page.locator('.action-widget .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 });
  for (let i = 0; i < 20; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label');
    if (focused === label) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${label}" never got the focus in the Quick Fix menu`);
}

/** Hovers the first warning squiggle and waits for a hover whose text matches. */
async function hoverSquiggleMessage(page: Page, message: RegExp): Promise<void> {
  await eventually(async () => {
    await page.locator('.editor-group-container.active .squiggly-warning').first().hover({ force: true });
    await page.locator('.monaco-hover', { hasText: message }).first().waitFor({ timeout: 3_000 });
  }, 30_000);
}

async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
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
