// `npm run measure:activation`: packages the production .vsix, installs it into code-server, opens the
// Event Architect side bar in Chromium N times (fresh server and user data each time) and reads the
// extension's own timing line ("activated in X ms") from its log, plus the time until the Principles
// tree shows. Prints each run and the median. Usage: node scripts/vscode/measureActivation.mjs [runs]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './browser.mjs';
import { packageVsix } from './extension.mjs';
import { ensureCodeServer } from './install.mjs';
import { repoRoot } from './paths.mjs';
import { startCodeServer } from './server.mjs';
import { workbenchUrl } from './workbench.mjs';

const runs = Number(process.argv[2] ?? 5);

/** Every file under `dir` whose name matches `pattern`. */
function findFiles(dir, pattern) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(findFiles(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

ensureCodeServer();
execFileSync('npm', ['run', 'build', '--', '--production'], { cwd: repoRoot, stdio: 'ignore' });
const vsix = packageVsix();
console.log(`vsix: ${(statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
const activation = [];
const treeShown = [];
for (let i = 0; i < runs; i++) {
  const server = await startCodeServer({ workspace: path.join(repoRoot, 'examples', 'shop'), vsix, label: 'activation' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl({ origin: server.origin, folder: server.workspace }));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    const clicked = Date.now();
    await page.locator('.part.activitybar .action-item a[aria-label^="Event Architect"]').click();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Real-time transport' }).first().waitFor({ timeout: 60_000 });
    treeShown.push(Date.now() - clicked);
    let ms;
    for (let t = 0; t < 50 && ms === undefined; t++) {
      for (const file of findFiles(server.runDir, /Event Architect\.log$/)) {
        const match = /activated in ([\d.]+) ms/.exec(readFileSync(file, 'utf8'));
        if (match) ms = Number(match[1]);
      }
      if (ms === undefined) await new Promise((r) => setTimeout(r, 200));
    }
    if (ms === undefined) throw new Error('no "activated in" line in the extension log');
    activation.push(ms);
    console.log(`run ${i + 1}: activate() ${ms} ms, click → tree shown ${treeShown.at(-1)} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
console.log(`median: activate() ${median(activation)} ms, click → tree shown ${median(treeShown)} ms (${runs} runs)`);
