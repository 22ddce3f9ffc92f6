// A V8 code cache for the analysis worker's bundle. Compiling the 3.7 MB bundle is most of a worker's start
// (~130 ms on a quiet 2-core machine, several times that under load), and VS Code's Node (20) has no
// module compile cache, so the worker is started through a small bootstrap (run with `eval`) that compiles
// the bundle with `vm.Script` and the cached data of an earlier session. After the first index the client
// asks for the data to be written (then it includes the functions the index compiled), once per bundle.
// The file is checked twice before V8 sees it: its own magic and SHA-256, then V8's version, flags and
// source checks (`cachedDataRejected`); anything wrong only means compiling as usual.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Message the client posts when the bootstrap should write the code cache (after the first index). */
export const WRITE_CODE_CACHE = 'event-architect:write-code-cache';

/** The cache file of a bundle in `dir`: named by the bundle's path, size, mtime and Node version. */
export function codeCacheFileFor(dir: string, script: string): string {
  let stamp = '';
  try {
    const st = fs.statSync(script);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    // a missing bundle fails at start anyway
  }
  const digest = createHash('sha256').update(`${script}\n${stamp}\n${process.version}\n${process.arch}`).digest('hex').slice(0, 20);
  return path.join(dir, `${path.basename(script, '.js')}-${digest}.v8cache`);
}

/** A code cache of another bundle or Node version written this long ago is no other window's live one. */
const OTHER_CACHE_GRACE_MS = 24 * 3600 * 1000;

/**
 * Removes the code caches in `current`'s folder written for other bundles or Node versions (each update of
 * the extension or of VS Code leaves one, several MB each) and dead writers' temp files. One written within
 * the last day is kept: another window may still run the other version. Returns the names removed.
 */
export function pruneCodeCaches(current: string, now = Date.now()): string[] {
  const dir = path.dirname(current);
  const own = path.basename(current);
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!/\.v8cache(\.|$)/.test(name) || name === own || (name.startsWith(`${own}.`) && !name.endsWith('.tmp'))) continue;
    const file = path.join(dir, name);
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || now - st.mtimeMs < OTHER_CACHE_GRACE_MS) continue;
    fs.rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
}

export interface BootData {
  script: string;
  cacheFile: string;
}

/**
 * The bootstrap, as source for `new Worker(src, { eval: true, workerData: { eaBoot } })`. Plain CommonJS
 * (eval workers run it as a script with `require`), self-contained. It loads the worker bundle, and offers
 * `globalThis.eaRequireCached(file)` for the other bundle it may need (dist/typescript.js, loaded on the
 * first parse), each with its own cache file. `globalThis.eaCodeCache` says what happened to the worker
 * bundle ('used', 'none', 'rejected', 'corrupt') and its compile time, for the timing line.
 */
export const BOOT_SOURCE = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const crypto = require('node:crypto');
const Module = require('node:module');
const { workerData, parentPort } = require('node:worker_threads');
const { script, cacheFile } = workerData.eaBoot;
const MAGIC = Buffer.from('EAV8C01\n', 'latin1');
const compiledScripts = [];
function readCache(file) {
  try {
    const buf = fs.readFileSync(file);
    const sum = buf.subarray(MAGIC.length, MAGIC.length + 32);
    const payload = buf.subarray(MAGIC.length + 32);
    const ok = buf.length > MAGIC.length + 32 && buf.subarray(0, MAGIC.length).equals(MAGIC) && crypto.createHash('sha256').update(payload).digest().equals(sum);
    return ok ? { data: payload, state: 'found' } : { data: undefined, state: 'corrupt' };
  } catch {
    return { data: undefined, state: 'none' };
  }
}
function load(file, own) {
  const started = performance.now();
  const cache = readCache(own);
  const compiled = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: cache.data });
  const state = cache.data ? (compiled.cachedDataRejected ? 'rejected' : 'used') : cache.state;
  compiledScripts.push({ compiled, own, state });
  const compileMs = performance.now() - started;
  const mod = new Module(file, null);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  compiled.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, state, compileMs };
}
const loadedByFile = new Map();
globalThis.eaRequireCached = (file) => {
  if (!loadedByFile.has(file)) loadedByFile.set(file, load(file, cacheFile + '.' + path.basename(file, '.js')).exports);
  return loadedByFile.get(file);
};
parentPort.on('message', (msg) => {
  if (msg !== '${WRITE_CODE_CACHE}') return;
  for (const entry of compiledScripts) {
    if (entry.state === 'used') continue;
    entry.state = 'used';
    try {
      const data = entry.compiled.createCachedData();
      const tmp = entry.own + '.' + process.pid + '.' + crypto.randomBytes(4).toString('hex') + '.tmp';
      fs.mkdirSync(path.dirname(entry.own), { recursive: true });
      fs.writeFileSync(tmp, Buffer.concat([MAGIC, crypto.createHash('sha256').update(data).digest(), data]));
      fs.renameSync(tmp, entry.own);
    } catch {}
  }
});
const own = load(script, cacheFile);
globalThis.eaCodeCache = { state: own.state, compileMs: own.compileMs };
`;
