// UI end to end: the Flow Diagram editor panel in code-server, on examples/shop and on generated
// workspaces (150 services, 1,000 channels, hostile channel names). What is checked is what the user sees:
// the SVG's nodes, the canvas transform, the editor that opens, the panel's width, no dialog.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Frame, Page } from 'playwright-core';
import { analyze } from '../../src/core/analysis/index';
import { channelNodeId, diagramNodeIndex } from '../../src/core/render/diagramNodes';
import { writeHostileNames, writeManyChannels, writeManyServices } from './diagramWorkspaces';
import { cursorLine, runCommandWhenReady, runnerEnv, waitForWorkbench } from './workbench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
// `--update-screenshots` writes the README picture; otherwise it goes with the other results.
const pictureDir = process.env.EA_UPDATE_SCREENSHOTS ? path.join(repoRoot, 'docs', 'images') : resultsDir;
const OPEN_DIAGRAM = 'Event Architect: Open Flow Diagram in Editor';

interface View {
  x: number;
  y: number;
  k: number;
}

/** The frame of the Flow Diagram panel's page (webviews nest two iframes; ours holds main.diagram-app). */
async function diagramFrame(page: Page, timeoutMs = 120_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if ((await frame.locator('main.diagram-app').count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error('the Flow Diagram panel did not appear');
    await page.waitForTimeout(500);
  }
}

/** Waits until the panel has drawn (or said the graph is too big); returns the state. */
async function drawn(frame: Frame): Promise<string> {
  const app = frame.locator('main.diagram-app[data-state="ready"], main.diagram-app[data-state="too-big"]');
  await app.waitFor({ timeout: 300_000 });
  return (await app.getAttribute('data-state')) ?? '';
}

async function view(frame: Frame): Promise<View> {
  const raw = (await frame.locator('.diagram-viewport').getAttribute('data-transform')) ?? '';
  const [x = NaN, y = NaN, k = NaN] = raw.split(',').map(Number);
  // The attribute and the stage's CSS transform are the same numbers: check the one that moves pixels.
  const css = await frame.locator('.diagram-stage').evaluate((el) => (el as HTMLElement).style.transform);
  const scale = Number(/scale\(([^)]+)\)/.exec(css)?.[1]);
  assert.ok(Math.abs(scale - k) < 1e-3, `the stage is drawn at the scale it reports (${css} vs ${k})`);
  return { x, y, k };
}

async function eventually(check: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

async function openDiagram(page: Page): Promise<Frame> {
  await runCommandWhenReady(page, OPEN_DIAGRAM, 90_000);
  return diagramFrame(page);
}

async function openFolder(page: Page, folder: string): Promise<void> {
  const origin = new URL(runnerEnv().workbenchUrl).origin;
  // a fresh window on a new folder loads the workbench again: slow on a busy machine
  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`, { timeout: 180_000 });
  await waitForWorkbench(page);
}

describe('Flow Diagram editor panel', { timeout: 1_500_000 }, () => {
  let browser: Browser;
  let page: Page;
  let workspace: string;
  const dialogs: string[] = [];
  const temp = mkdtempSync(path.join(os.tmpdir(), 'ea-diagram-'));

  before(async () => {
    const env = runnerEnv();
    workspace = process.env.EA_WORKSPACE ?? '';
    assert.ok(workspace, 'EA_WORKSPACE is not set');
    browser = await chromium.connect(env.browserWs);
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(30_000);
    // A dialog from any frame (an injected alert, an onerror handler) is recorded and fails the hostile test.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(env.workbenchUrl, { timeout: 180_000 });
    await waitForWorkbench(page);
  });

  afterEach(async (t) => {
    if (!page || !('name' in t)) return;
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, `diagram-${t.name.replace(/[^\w]+/g, '-').slice(0, 60)}.png`) }).catch(() => undefined);
  });

  after(async () => {
    rmSync(temp, { recursive: true, force: true });
    // Leave the shop's window as the next test files expect it: one editor group, no panel restored.
    await page
      ?.goto(runnerEnv().workbenchUrl, { timeout: 120_000 })
      .then(() => waitForWorkbench(page))
      .then(() => runCommandWhenReady(page, 'View: Close All Editor Groups'))
      .then(() => page.waitForTimeout(1000))
      .catch(() => undefined);
    await browser?.close();
  });

  it('opens on the shop; wheel, drag and keys change the view', async () => {
    const frame = await openDiagram(page);
    assert.equal(await drawn(frame), 'ready');
    assert.ok((await frame.locator('.diagram-stage svg g.node').count()) > 5, 'the shop has more than five nodes');
    mkdirSync(pictureDir, { recursive: true });
    await page.screenshot({ path: path.join(pictureDir, 'flow-diagram-panel.png') });

    const viewport = frame.locator('.diagram-viewport');
    const box = await viewport.boundingBox();
    assert.ok(box);
    const start = await view(frame);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await eventually(async () => assert.ok((await view(frame)).k > start.k * 1.2, 'the wheel zooms in'));

    const zoomed = await view(frame);
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + 120, { steps: 8 });
    await page.mouse.up();
    await eventually(async () => {
      const panned = await view(frame);
      assert.ok(Math.abs(panned.x - zoomed.x - 120) < 2 && Math.abs(panned.y - zoomed.y - 80) < 2, `dragging pans by (120, 80): ${JSON.stringify(panned)}`);
      assert.equal(panned.k, zoomed.k);
    });

    await viewport.focus();
    await page.keyboard.press('0');
    await eventually(async () => assert.equal((await view(frame)).k, 1, '0 shows 1:1'));
    await page.keyboard.press('+');
    await eventually(async () => assert.equal((await view(frame)).k, 1.25, '+ zooms in'));
    await page.keyboard.press('f');
    await eventually(async () => assert.ok((await view(frame)).k < 1.25, 'f fits'));
  });

  it('a click on a consumer node opens its file at its line; a channel click lists both sides; hover shows where', async () => {
    const frame = await diagramFrame(page);
    assert.equal(await frame.locator('main.diagram-app').getAttribute('data-detail'), 'function');
    const result = await analyze([workspace]);
    const nodes = diagramNodeIndex(result.flows, result.detections, 'function');
    const byId = new Map(result.detections.map((d) => [d.id, d]));
    const [consumerId, consumer] = [...nodes].find(([, n]) => n.kind === 'endpoint' && n.side === 'consumer' && n.detectionIds.length === 1) ?? [];
    assert.ok(consumerId && consumer?.kind === 'endpoint', 'the shop has a consumer function with one subscription');
    const detection = byId.get(consumer.detectionIds[0]!)!;

    const node = frame.locator(`g.node[data-id="${consumerId}"]`);
    const nodeBox = await node.boundingBox();
    assert.ok(nodeBox);
    await page.mouse.move(nodeBox.x + nodeBox.width / 2, nodeBox.y + nodeBox.height / 2);
    const tooltip = frame.locator('.node-tooltip');
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), new RegExp(`${detection.file.split('/').pop()!.replace('.', '\\.')}:${detection.line}`));
    assert.match(await tooltip.innerText(), new RegExp(detection.service.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));

    await node.click();
    const parts = detection.file.split('/');
    const crumbs = page.locator('.editor-group-container.active .breadcrumbs-control');
    await eventually(async () => {
      const text = await crumbs.first().innerText();
      for (const part of parts) assert.ok(text.includes(part), `breadcrumbs "${text}" name ${part}`);
      assert.equal(await cursorLine(page), detection.line);
    }, 60_000);

    const flow = result.flows.find((f) => f.consumers.length > 0 && f.producers.length > 0)!;
    await frame.locator(`g.node[data-id="${channelNodeId(flow)}"]`).click();
    const details = frame.locator('.node-details');
    await details.waitFor();
    await eventually(async () => assert.equal(await details.locator('button.endpoint').count(), flow.producers.length + flow.consumers.length));
  });

  it('hiding a broker removes its nodes from the diagram, and the filter survives a reload', async () => {
    let frame = await diagramFrame(page);
    const result = await analyze([workspace]);
    const counts = new Map<string, number>();
    for (const f of result.flows) counts.set(f.broker, (counts.get(f.broker) ?? 0) + 1);
    const [broker] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
    const theirs = result.flows.filter((f) => f.broker === broker).map(channelNodeId);
    const nodes = frame.locator('.diagram-stage svg g.node');
    const before = await nodes.count();
    assert.ok((await frame.locator(`g.node[data-id="${theirs[0]}"]`).count()) === 1, `the ${broker} channel is drawn`);

    await frame.locator('.diagram-toolbar .chip', { hasText: new RegExp(`^${broker}$`) }).click();
    await eventually(async () => {
      assert.equal(await frame.locator('main.diagram-app').getAttribute('data-state'), 'ready');
      for (const id of theirs) assert.equal(await frame.locator(`g.node[data-id="${id}"]`).count(), 0, `${broker} channel ${id} is gone`);
      assert.ok((await nodes.count()) < before, 'fewer nodes');
    }, 60_000);
    const filtered = await nodes.count();
    const kept = await view(frame);

    // Reload as a user does (Developer: Reload Window): the workbench saves the panels' state on its way
    // down. A bare page reload in the browser can beat that save.
    await Promise.all([page.waitForEvent('load', { timeout: 180_000 }), runCommandWhenReady(page, 'Developer: Reload Window')]);
    await waitForWorkbench(page);
    frame = await diagramFrame(page);
    assert.equal(await drawn(frame), 'ready');
    assert.equal(await frame.locator('.diagram-toolbar .chip', { hasText: new RegExp(`^${broker}$`) }).getAttribute('aria-pressed'), 'false');
    assert.equal(await frame.locator('.diagram-stage svg g.node').count(), filtered);
    assert.deepEqual(await view(frame), kept);
  });

  it('draws a generated 150-service workspace, zoomable', async () => {
    const dir = path.join(temp, 'many-services');
    writeManyServices(dir, 150);
    await openFolder(page, dir);
    const frame = await openDiagram(page);
    assert.equal(await drawn(frame), 'ready');
    assert.ok((await frame.locator('.diagram-stage svg g.node').count()) > 20);
    const start = await view(frame);
    await frame.locator('.diagram-toolbar button[aria-label="Zoom in"]').click();
    await eventually(async () => assert.ok((await view(frame)).k > start.k));
    assert.equal(await frame.locator('text=/Cannot set properties|Syntax error|Parse error/').count(), 0);
  });

  it('a 1,000-channel workspace shows the collapsed view or the too-big message, never an error', async () => {
    const dir = path.join(temp, 'many-channels');
    writeManyChannels(dir, 1000);
    await openFolder(page, dir);
    const frame = await openDiagram(page);
    const state = await drawn(frame);
    const note = await frame.locator('.diagram-note').first().innerText();
    if (state === 'ready') {
      assert.equal(await frame.locator('main.diagram-app').getAttribute('data-detail'), 'service', 'services are collapsed');
      assert.match(note, /of 1000 channels.*focus on a channel or a service/s);
      assert.ok((await frame.locator('.diagram-stage svg g.node').count()) > 0);
    } else {
      assert.match(note, /too big to draw.*Focus/s);
    }
    assert.equal(await frame.locator('text=/Cannot set properties|Syntax error|Parse error|undefined/').count(), 0);
  });

  it('hostile channel names render as text: no dialog, no markup, no directive, no layout blow-up', async () => {
    const dir = path.join(temp, 'hostile');
    writeHostileNames(dir);
    await openFolder(page, dir);
    const frame = await openDiagram(page);
    assert.equal(await drawn(frame), 'ready');
    const svg = frame.locator('.diagram-stage svg');
    const text = (await svg.textContent()) ?? '';
    assert.ok(text.includes('invoice⟨U+202E⟩exe.png'), 'the bidi override is shown, not applied');
    assert.ok(text.includes('הזמנות.נוצרו'));
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'markup is shown as text');
    assert.ok(text.includes('%%{init'), 'the directive is shown as text');
    assert.equal(await svg.locator('img').count(), 0, 'no element was injected');
    // Clicking the label that tries to add a click handler does nothing but select it.
    await frame.locator('g.node', { hasText: 'click ch_1' }).first().click();
    await page.waitForTimeout(1000);
    assert.deepEqual(dialogs, []);
    const width = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth, body: document.body.scrollWidth }));
    assert.ok(width.scroll <= width.inner && width.body <= width.inner, `the page is no wider than the panel: ${JSON.stringify(width)}`);
  });
});
