// UI end to end: what the side bar says before there is anything to show. A folder with no event code
// gets guidance (never "There is no data provider registered", never an "Index Workspace" button once
// indexing has started), and an empty window offers to open a folder. Run with
// `node scripts/test/e2e.mjs welcome` (the runner's workspace copy is not used: each test opens its own).
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CONTAINER_TITLE, activityBarIcon, runnerEnv, sidebarPane, waitForExtensionHost, waitForWorkbench } from './workbench';

const NO_PROVIDER = 'There is no data provider registered';

/** The runner's workbench URL with another folder, or an empty window. */
function urlFor(base: string, folder: string | null): string {
  const url = new URL(base);
  url.searchParams.delete('folder');
  if (folder === null) url.searchParams.set('ew', 'true');
  else url.searchParams.set('folder', folder);
  return url.toString();
}

/** What the side bar said while the no-event-code folder was loading, for the data-provider check. */
const seen: string[] = [];

describe('Welcome views', { timeout: 400_000 }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await chromium.connect(runnerEnv().browserWs);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
  });

  it('guides the user in a folder with no event code, with no Index button while indexing and no 0 / 0', async () => {
    const workspace = process.env.EA_WORKSPACE ?? '';
    assert.ok(workspace, 'the runner passes its workspace copy in EA_WORKSPACE');
    const folder = path.join(path.dirname(workspace), 'no-event-code');
    mkdirSync(path.join(folder, 'src'), { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'plain-app', dependencies: { express: '5.0.0' } }));
    writeFileSync(path.join(folder, 'src', 'index.ts'), "export const add = (a: number, b: number): number => a + b;\n");

    await page.goto(urlFor(runnerEnv().workbenchUrl, folder), { timeout: 120_000 });
    await waitForWorkbench(page);
    await waitForExtensionHost(page);
    await activityBarIcon(page, CONTAINER_TITLE).click();
    const flows = sidebarPane(page, 'Event Flows');
    const guidance = flows.getByText('No event code found in this workspace.');
    // Watch the pane from the moment the side bar opens until the guidance shows.
    const deadline = Date.now() + 180_000;
    while (!(await guidance.isVisible())) {
      const text = await page.locator('.part.sidebar').innerText().catch(() => '');
      seen.push(text);
      assert.ok(Date.now() < deadline, `no guidance after 3 minutes; the side bar said: ${seen.at(-1)}`);
      await page.waitForTimeout(150);
    }
    assert.ok(!seen.some((t) => t.includes('Indexing the workspace') && t.includes('Index Workspace')), 'no Index button while indexing');
    assert.ok(!seen.some((t) => /\b0 \/ 0\b/.test(t)), 'no 0 / 0 counter');
    // The whole guidance, not a truncated row, with the way to the principles.
    await flows.getByText(/Event Architect looks in TypeScript and JavaScript for socket\.io/).waitFor();
    await flows.getByRole('button', { name: 'Browse the Principles' }).click();
    await page.locator('.quick-input-widget').getByText('SSE is the Default for Server-to-Client Push').waitFor();
    await page.keyboard.press('Escape');
  });

  // VS Code shows its "no data provider" message in a tree until the extension registers the provider, unless
  // the view has welcome content to show instead: the Principles view's loading line and Event Flows'
  // "Starting…" (package.json › viewsWelcome) cover the moments before activation.
  it('never shows "There is no data provider registered" while the window starts', () => {
    const noProvider = seen.find((t) => t.includes(NO_PROVIDER));
    assert.equal(noProvider, undefined, `the side bar said: ${noProvider}`);
  });

  it('offers to open a folder in an empty window', async () => {
    await page.goto(urlFor(runnerEnv().workbenchUrl, null), { timeout: 120_000 });
    // No folder, so no explorer rows to wait for: the activity bar and the extension host are enough.
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await waitForExtensionHost(page);
    await activityBarIcon(page, CONTAINER_TITLE).click();
    const flows = sidebarPane(page, 'Event Flows');
    await flows.getByText('Open a folder to find its event flows.').waitFor();
    await flows.getByRole('button', { name: 'Open Folder' }).waitFor();
  });
});
