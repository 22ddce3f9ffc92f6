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

export interface BootData {
  script: string;
  cacheFile: string;
}

/**
 * The bootstrap, as source for `new Worker(src, { eval: true, workerData: { eaBoot } })`. Plain CommonJS
 * (eval workers run it as a script with `require`), self-contained. It sets `globalThis.eaCodeCache` to
 * what happened ('used', 'none', 'rejected', 'corrupt') for the worker's timing line.
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
const started = performance.now();
let cached;
let state = 'none';
try {
  const buf = fs.readFileSync(cacheFile);
  const sum = buf.subarray(MAGIC.length, MAGIC.length + 32);
  const payload = buf.subarray(MAGIC.length + 32);
  if (buf.length > MAGIC.length + 32 && buf.subarray(0, MAGIC.length).equals(MAGIC) && crypto.createHash('sha256').update(payload).digest().equals(sum)) cached = payload;
  else state = 'corrupt';
} catch {}
const source = fs.readFileSync(script, 'utf8');
const compiled = new vm.Script(Module.wrap(source), { filename: script, cachedData: cached });
if (cached) state = compiled.cachedDataRejected ? 'rejected' : 'used';
globalThis.eaCodeCache = { state, compileMs: performance.now() - started };
const mod = new Module(script, null);
mod.filename = script;
mod.paths = Module._nodeModulePaths(path.dirname(script));
compiled.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(script), mod, script, path.dirname(script));
if (state !== 'used') {
  parentPort.on('message', (msg) => {
    if (msg !== '${WRITE_CODE_CACHE}' || state === 'used') return;
    state = 'used';
    try {
      const data = compiled.createCachedData();
      const tmp = cacheFile + '.' + process.pid + '.' + crypto.randomBytes(4).toString('hex') + '.tmp';
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.writeFileSync(tmp, Buffer.concat([MAGIC, crypto.createHash('sha256').update(data).digest(), data]));
      fs.renameSync(tmp, cacheFile);
    } catch {}
  });
}
`;
