// The user's moves in the workbench for the quick-fix end-to-end test: apply a quick fix from the problem
// hover (the cursor stays where the user left it), run Insert Scaffold…, accept every default, save,
// undo once, re-index, and read the index status and the Problems view.
import type { Page } from 'playwright-core';
import { quickPickRows, runCommandWhenReady, scrollLineIntoView } from './workbench';

const SQUIGGLES = '.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint';

/** Hovers the diagnostic on `line`, clicks "Quick Fix..." in the hover and picks `title`. */
export async function applyQuickFixFromHover(page: Page, line: number, title: string): Promise<void> {
  const editor = page.locator('.editor-group-container.active');
  await editor.locator(SQUIGGLES).first().waitFor({ timeout: 30_000 });
  // The visible editor's line number only (a hidden editor of the group can hold the same number), asked
  // again for a few seconds: right after the file opens the margin can lag the text by a frame or two.
  const lineNumber = editor.locator('.margin-view-overlays .line-numbers:visible').filter({ hasText: new RegExp(`^\\s*${line}\\s*$`) }).first();
  let lineBox: { x: number; y: number; width: number; height: number } | null = null;
  for (const until = Date.now() + 10_000; !lineBox && Date.now() < until; ) {
    await scrollLineIntoView(page, line);
    lineBox = (await lineNumber.count()) ? await lineNumber.boundingBox() : null;
    if (!lineBox) await page.waitForTimeout(250);
  }
  if (!lineBox) throw new Error(`line ${line} is not rendered`);
  const squiggles = editor.locator(SQUIGGLES);
  let target: { x: number; y: number; width: number; height: number } | undefined;
  for (let i = 0; i < (await squiggles.count()); i++) {
    const b = await squiggles.nth(i).boundingBox();
    // Overlap with the line's row (an info squiggle is drawn lower and thinner than a warning's).
    if (b && b.y < lineBox.y + lineBox.height && b.y + b.height > lineBox.y) target ??= b;
  }
  if (!target) throw new Error(`no diagnostic is drawn on line ${line}`);
  const menuRow = page.locator('.action-widget .monaco-list-row', { hasText: title });
  const link = page.locator('.monaco-hover .action-container a.action').filter({ hasText: /^Quick Fix/ }).first();
  const none = page.locator('.monaco-hover', { hasText: 'No quick fixes available' }).first();
  // Generous: after the previous case's re-index the hover can answer "none" until diagnostics settle.
  const deadline = Date.now() + 90_000;
  let offered: string[] = [];
  for (;;) {
    await page.mouse.move(target.x + Math.min(12, target.width / 2), target.y + target.height / 2);
    const until = Date.now() + 6000;
    // The hover first says "Checking for quick fixes…"; right after an index update it can say none.
    while (Date.now() < until && !(await link.isVisible()) && !(await none.isVisible())) await page.waitForTimeout(100);
    if (await link.isVisible()) {
      await link.click();
      await page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 8000 });
      offered = await page.locator('.action-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
      if (await menuRow.count()) break;
      await page.keyboard.press('Escape');
    }
    await page.mouse.move(5, 5);
    await page.waitForTimeout(400);
    if (Date.now() > deadline) throw new Error(`the quick fix "${title}" is not offered in the problem hover of line ${line} (offered: ${offered.join(' · ') || 'none'})`);
  }
  // The menu has keyboard focus (a pointer block covers the page): walk to the fix and press Enter.
  for (let i = 0; i < 20; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label');
    if (focused === title) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not select "${title}" in the quick fix menu`);
}

/** Insert Scaffold… from the command palette, picking the scaffold by its title. */
export async function insertScaffoldByCommand(page: Page, title: string): Promise<void> {
  await runCommandWhenReady(page, 'Event Architect: Insert Scaffold…');
  const input = page.locator('.quick-input-widget input.input');
  await input.fill(title);
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = quickPickRows(page).filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor();
  await row.click();
}

/**
 * Accepts what the extension proposes until it stops asking: Enter in quick inputs (the pre-selected
 * variant, the pre-filled parameters, the default folder), Apply in the refactor preview, the primary
 * button of a dialog. Returns what was accepted, in order.
 */
export async function acceptDefaults(page: Page, quietMs = 1500, timeoutMs = 45_000): Promise<string[]> {
  const accepted: string[] = [];
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const input = page.locator('.quick-input-widget:visible');
    const dialog = page.locator('.monaco-dialog-box:visible');
    const apply = page.locator('.bulk-edit-panel .monaco-button:visible, .refactor-preview .monaco-button:visible, .pane-body .monaco-button:visible', { hasText: /^Apply$/ });
    if (await dialog.count()) {
      const button = dialog.locator('.dialog-buttons .monaco-button').first();
      accepted.push(`dialog "${(await dialog.locator('.dialog-message-text').first().innerText().catch(() => '')).slice(0, 80)}" → ${await button.innerText()}`);
      await button.click();
      quietSince = Date.now();
    } else if (await input.count()) {
      const title = await page.locator('.quick-input-widget:visible .quick-input-title').first().innerText().catch(() => '');
      const value = await page.locator('.quick-input-widget:visible input.input').first().inputValue().catch(() => '');
      const first = await quickPickRows(page).first().innerText().catch(() => '');
      accepted.push(`${title || 'input'}: ${value || first.split('\n')[0] || '(default)'}`);
      await page.keyboard.press('Enter');
      quietSince = Date.now();
    } else if (await apply.count()) {
      accepted.push('refactor preview: Apply');
      await apply.first().click();
      quietSince = Date.now();
    } else if (Date.now() - quietSince > quietMs) return accepted;
    await page.waitForTimeout(250);
  }
  return accepted;
}

export async function saveAll(page: Page): Promise<void> {
  await runCommandWhenReady(page, 'File: Save All Files');
  // Saving waits for save participants in the extension host: done when no tab is dirty.
  await page.locator('.tab.dirty').first().waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForTimeout(200);
}

/** Closes every editor, discarding unsaved changes. */
export async function closeAllEditorsDiscarding(page: Page): Promise<void> {
  await runCommandWhenReady(page, 'View: Close All Editors');
  for (let i = 0; i < 20; i++) {
    const dialog = page.locator('.monaco-dialog-box:visible');
    if (!(await dialog.count())) {
      await page.waitForTimeout(300);
      if (!(await page.locator('.monaco-dialog-box:visible').count())) return;
      continue;
    }
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /Don't Save|Don’t Save/ }).first().click();
  }
}

/** The workspace-relative path of the active editor (from its breadcrumbs' tooltip or its tab). */
export async function activeEditorPath(page: Page): Promise<string> {
  const items = await page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts();
  const parts: string[] = [];
  for (const item of items.map((t) => t.trim()).filter(Boolean)) {
    parts.push(item);
    if (/\.[\w]+$/.test(item) && !item.includes(' ')) break;
  }
  return parts.join('/');
}

/** One Ctrl+Z in the active editor; a workspace-wide edit asks whether to undo in all files: yes. */
export async function undoOnce(page: Page): Promise<string> {
  // Go to File… left the keyboard focus in the editor.
  await page.keyboard.press('Control+Z');
  let answer = 'editor undo';
  for (let i = 0; i < 6; i++) {
    await page.waitForTimeout(200);
    const dialog = page.locator('.monaco-dialog-box:visible');
    if (!(await dialog.count())) continue;
    const button = dialog.locator('.dialog-buttons .monaco-button', { hasText: /Undo|Yes|OK/ }).first();
    answer = `dialog → ${await button.innerText()}`;
    await button.click();
    break;
  }
  return answer;
}

const STATUS = '.statusbar-item[id$="eventArchitect.index"]';

/** The index's status bar entry once it is not indexing: `ready` with its text, or `error`. */
export async function indexStatus(page: Page, timeoutMs = 60_000): Promise<{ state: 'ready' | 'error'; text: string }> {
  const item = page.locator(STATUS).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = ((await item.innerText().catch(() => '')) || '').trim();
    const spinning = await item.locator('.codicon-sync, .codicon-modifier-spin').count();
    if (!spinning && /\d+ flows?/.test(text)) return { state: 'ready', text };
    if (!spinning && (await item.locator('.codicon-warning').count())) return { state: 'error', text: (await item.getAttribute('aria-label')) ?? text };
    if (Date.now() > deadline) throw new Error(`the index status stayed "${text}"`);
    await page.waitForTimeout(200);
  }
}

/** Re-index Workspace, then the settled status. */
export async function reindex(page: Page): Promise<{ state: 'ready' | 'error'; text: string }> {
  await runCommandWhenReady(page, 'Event Architect: Re-index Workspace');
  await page.waitForTimeout(300);
  return indexStatus(page);
}

/** Every message the Problems view lists. */
export async function problemMessages(page: Page): Promise<string[]> {
  await runCommandWhenReady(page, 'Problems: Focus on Problems View');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await page.waitForTimeout(500);
  const texts = await rows.allInnerTexts();
  await runCommandWhenReady(page, 'View: Hide Panel');
  return texts.map((t) => t.replace(/\s+/g, ' '));
}
