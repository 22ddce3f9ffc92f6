// Helpers for driving the VS Code workbench (code-server) from playwright-core. The selectors are the
// workbench's own DOM (VS Code 1.100) as measured in shared/notes/real-vscode-offline.md.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const CONTAINER_TITLE = 'Event Architect';

/** The runner (scripts/test/e2e.mjs) provides these; without it there is nothing to connect to. */
export function runnerEnv(): { workbenchUrl: string; browserWs: string } {
  const workbenchUrl = process.env.EA_WORKBENCH_URL;
  const browserWs = process.env.EA_BROWSER_WS;
  if (!workbenchUrl || !browserWs) {
    throw new Error('EA_WORKBENCH_URL / EA_BROWSER_WS are not set: run these tests with `npm run test:e2e`.');
  }
  return { workbenchUrl, browserWs };
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  // The explorer lists the workspace once the remote file system is connected.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

export function activityBarIcon(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`);
}

/** A view pane of the side bar, by the name of its view. */
export function sidebarPane(page: Page, viewName: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator(`.pane-header[aria-label^="${viewName}"]`) });
}

async function setPaneExpanded(page: Page, viewName: string, expanded: boolean): Promise<void> {
  const header = page.locator(`.part.sidebar .pane-header[aria-label^="${viewName}"]`);
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
}

export function collapsePane(page: Page, viewName: string): Promise<void> {
  return setPaneExpanded(page, viewName, false);
}

export function expandPane(page: Page, viewName: string): Promise<void> {
  return setPaneExpanded(page, viewName, true);
}

/** The tree row whose label is exactly `label` (the description next to it is not part of the label). */
export function treeRow(pane: Locator, label: string): Locator {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return pane.locator('.monaco-list-row').filter({ has: pane.page().locator('.label-name', { hasText: exact }) });
}

/** Drags the side bar's sash so tree labels and the webview have room (screenshots, long titles). */
export async function resizeSidebar(page: Page, width: number): Promise<void> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar) throw new Error('the side bar is not visible');
  const edge = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(edge - 1, y);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + width, y, { steps: 8 });
  await page.mouse.up();
}

export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Runs a palette command by its full title ("Category: Title"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

export function quickPickRows(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

/** Waits until the extension host has activated its extensions (commands are in the palette). */
export async function waitForExtensionHost(page: Page): Promise<void> {
  await page.locator('.part.statusbar').waitFor();
  await page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
}

/** Like runCommand, but tries again while the command is not (yet) in the palette. */
export async function runCommandWhenReady(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 3000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Opens a workspace file with the cursor on `line` (Go to File… `path:line`). */
export async function openFileAt(page: Page, relPath: string, line: number): Promise<void> {
  const base = relPath.split('/').pop() ?? relPath;
  const dir = relPath.split('/').slice(0, -1).join('/');
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommandWhenReady(page, 'Go to File...');
      await page.locator('.quick-input-widget input.input').fill(`${relPath}:${line}`);
      // The row of this very file (several services have an index.ts): its label and its folder.
      const row = quickPickRows(page).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) }).filter({ hasText: dir }).first();
      await row.waitFor({ timeout: 8000 });
      await row.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      const crumbs = page.locator('.editor-group-container.active .breadcrumbs-control');
      await crumbs.filter({ hasText: base }).first().waitFor({ timeout: 8000 });
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw error;
    }
  }
}

/** The line numbers the active editor currently renders. */
async function renderedLines(page: Page): Promise<number[]> {
  const texts = await page.locator('.editor-group-container.active .monaco-editor .margin-view-overlays .line-numbers').allInnerTexts();
  return texts.map((t) => Number(t.trim())).filter((n) => Number.isFinite(n) && n > 0);
}

/** Scrolls the active editor with the mouse wheel (the cursor stays where it is) until `line` is well in view. */
export async function scrollLineIntoView(page: Page, line: number): Promise<void> {
  const editor = page.locator('.editor-group-container.active .monaco-editor .lines-content').first();
  const box = await page.locator('.editor-group-container.active .monaco-editor').first().boundingBox();
  if (!box) throw new Error('no active editor');
  await editor.waitFor();
  for (let i = 0; i < 40; i++) {
    const lines = await renderedLines(page);
    const min = Math.min(...lines);
    const max = Math.max(...lines);
    if (line >= min + 3 && line <= max - 3) return;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, line < min + 3 ? -150 : 150);
    await page.waitForTimeout(80);
  }
  throw new Error(`line ${line} could not be scrolled into view`);
}

/** The 1-based line the active editor's cursor is on (from the status bar's "Ln x, Col y"). */
export async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('.statusbar-item[id$="status.editor.selection"]').first().innerText();
  const m = /Ln (\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}
