// Debian's Chromium driven by playwright-core (never `playwright install`: no downloads here).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function checkChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium`);
  }
}

/** @param {{ headless?: boolean }} [opts] */
export async function launchChromium(opts = {}) {
  checkChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: opts.headless ?? true, args });
}

/**
 * A Chromium that test processes connect to with `chromium.connect(wsEndpoint)`: the runner owns the
 * browser (and code-server), the tests own only their pages.
 */
export async function launchChromiumServer() {
  checkChromium();
  return chromium.launchServer({ executablePath: chromiumPath, headless: true, args });
}
