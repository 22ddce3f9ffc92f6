// The persistent index cache: every file's scan and extraction results (guards, prefilter, package.json,
// facts, the stage-2 names read from its text) saved between sessions, so reopening a workspace re-reads
// and re-parses only the files that changed. One file per set of roots and options, written atomically
// (temp file + rename: a reader sees a whole old or a whole new file, two windows writing never mix), and
// trusted only after checks: magic, format, analyzer version, roots and options, payload length and
// SHA-256. Per file, an entry is used when size and mtime match (and the mtime is not too close to the save
// to be sure, as git's racy-clean check), else when the re-read content has the same hash.
// The payload has two parts: a small index (per file: key, kind, size, mtime, hash, where its results
// lie; and the whole result) read at load, and each file's results serialized on their own, read only when
// the analysis asks for them: reopening an unchanged workspace deserializes none of them (they are ~96%
// of the file).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { FileFacts } from '../extract/facts';
import type { FileKind } from '../discovery/walk';
import type { PrefilterInfo } from '../discovery/prefilter';
import type { AnalysisResult, SkippedFile } from '../types';
import type { ExternalRecord } from './externalInputs';
import type { FileState } from './fileState';
import type { PackageInfo } from './services';

/** Bumped when the layout of the file or of an entry changes. */
export const CACHE_FORMAT = 3;
const MAGIC = Buffer.from('EAIDXv3\n', 'latin1');
/** A file modified this close before the save may change again within the same mtime tick: hash it. */
const RACY_MS = 2000;

export interface CacheIdentity {
  /** Changes whenever extraction may give other facts (the bundle's hash in a build). */
  analyzerVersion: string;
  roots: readonly string[];
  maxBytes: number;
  exclude: readonly string[];
}

/** What decides whether a file's cached results still hold; `key` is `rootIndex:rel`. */
export interface CacheRow {
  key: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** A file's cached results: everything its scan and extraction derived from its bytes. */
export interface CacheBody {
  lines: number;
  skip: SkippedFile | null;
  pre: PrefilterInfo | null;
  facts: FileFacts | null | undefined;
  pkg: PackageInfo | null;
  names?: [string, string, string][];
  members?: Map<string, Set<string> | null>;
  usage: Map<string, boolean>;
}

/** One file's entry to save: its results, or (never read this session) the bytes they were loaded from. */
export type CacheEntry = CacheRow & ({ body: CacheBody } | { raw: Buffer });

/** A loaded entry; its results are deserialized on the first `body()` (null: malformed, read the file). */
export interface CachedFile extends CacheRow {
  body(): CacheBody | null;
  /** The serialized results, to save again without deserializing them. */
  readonly raw: Buffer;
}

interface Header {
  format: number;
  analyzerVersion: string;
  roots: string[];
  maxBytes: number;
  exclude: string[];
  savedAtMs: number;
  entries: number;
  /** Bytes of the index part at the start of the payload; the bodies follow. */
  indexBytes: number;
  payloadBytes: number;
  sha256: string;
}

/** The whole result of the workspace when it was saved, with what it depended on besides the files. */
export interface CachedResult {
  result: AnalysisResult;
  /** What the walk skipped (too large, unreadable, symlink loops): part of the result, not of the entries. */
  walkSkipped: SkippedFile[];
  external: ExternalRecord;
}

export interface LoadedCache {
  entries: Map<string, CachedFile>;
  savedAtMs: number;
  whole: CachedResult | null;
}

/** The index part, column by column (flat arrays of primitives deserialize fastest). */
interface IndexPart {
  keys: string[];
  kinds: FileKind[];
  sizes: number[];
  mtimes: number[];
  hashes: string[];
  /** End offset of each entry's body within the bodies part. */
  ends: number[];
  whole: CachedResult | null;
}

export type CacheLoad = { ok: true; cache: LoadedCache } | { ok: false; reason: string };

export const entryKey = (rootIndex: number, rel: string): string => `${rootIndex}:${rel}`;

/** The cache file of one set of roots and options inside `dir` (one folder may serve many workspaces). */
export function cacheFileFor(dir: string, id: Pick<CacheIdentity, 'roots' | 'maxBytes' | 'exclude'> & { perRoot?: unknown }): string {
  // Per-folder settings are part of the key: a cache written under other excludes never answers.
  const digest = createHash('sha256').update(JSON.stringify([id.roots, id.maxBytes, [...id.exclude].sort(), id.perRoot ?? null])).digest('hex').slice(0, 20);
  return path.join(dir, `index-${digest}.eacache`);
}

export function contentHash(buf: Buffer | string): string {
  return createHash('sha1').update(buf).digest('base64');
}

let ownVersion: string | undefined;

/** The analyzer's version for cache keys: the hash of the running bundle (any code change gives another
 *  one); from sources (tests, tsx) the cache format only, so callers there pass their own. */
export function defaultAnalyzerVersion(): string {
  if (ownVersion === undefined) {
    let v = `source-${CACHE_FORMAT}`;
    try {
      if (typeof __filename === 'string' && __filename.endsWith('.js')) {
        // The parser ships beside the analyzer (typescriptLoader.ts): another TypeScript is another analyzer.
        const ts = fs.statSync(path.join(path.dirname(__filename), 'typescript.js'), { throwIfNoEntry: false });
        v = `bundle-${CACHE_FORMAT}-${contentHash(fs.readFileSync(__filename))}-${ts?.size ?? 'npm'}`;
      }
    } catch {
      // an unreadable bundle: the source version, still separated by format
    }
    ownVersion = v;
  }
  return ownVersion;
}

/** The analyzer version and roots a cache file was written for, from its header alone (for pruning). */
export function readCacheHeader(file: string): { analyzerVersion: string; roots: string[] } | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, head, 0, head.length, 0) !== head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const length = head.readUInt32LE(MAGIC.length);
    if (length > 1 << 20) return null;
    const json = Buffer.alloc(length);
    if (fs.readSync(fd, json, 0, length, head.length) !== length) return null;
    const h = JSON.parse(json.toString('utf8')) as Partial<Header>;
    return typeof h.analyzerVersion === 'string' && Array.isArray(h.roots) ? { analyzerVersion: h.analyzerVersion, roots: h.roots.filter((r) => typeof r === 'string') } : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads and checks a cache file. Never throws: anything unexpected is a reason to start cold. */
export function loadCache(file: string, id: CacheIdentity): CacheLoad {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no cache yet' : `unreadable (${code ?? String(e)})` };
  }
  try {
    if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: 'not an index cache (bad magic)' };
    const headerLength = buf.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    if (headerLength > 1 << 20 || headerStart + headerLength > buf.length) return { ok: false, reason: 'truncated header' };
    const header = JSON.parse(buf.subarray(headerStart, headerStart + headerLength).toString('utf8')) as Partial<Header>;
    if (header.format !== CACHE_FORMAT) return { ok: false, reason: `format ${String(header.format)}, expected ${CACHE_FORMAT}` };
    if (header.analyzerVersion !== id.analyzerVersion) return { ok: false, reason: 'written by another analyzer version' };
    if (JSON.stringify(header.roots) !== JSON.stringify(id.roots)) return { ok: false, reason: 'written for other folders' };
    if (header.maxBytes !== id.maxBytes || JSON.stringify(header.exclude) !== JSON.stringify([...id.exclude].sort())) return { ok: false, reason: 'written with other index settings' };
    const payload = buf.subarray(headerStart + headerLength);
    if (payload.length !== header.payloadBytes) return { ok: false, reason: `truncated (${payload.length} of ${String(header.payloadBytes)} bytes)` };
    if (createHash('sha256').update(payload).digest('hex') !== header.sha256) return { ok: false, reason: 'checksum mismatch (corrupt)' };
    const indexBytes = header.indexBytes;
    if (typeof indexBytes !== 'number' || indexBytes > payload.length) return { ok: false, reason: 'malformed index' };
    const index = v8.deserialize(payload.subarray(0, indexBytes)) as Partial<IndexPart> | null;
    if (!isIndex(index) || index.keys.length !== header.entries) return { ok: false, reason: 'entry count mismatch' };
    const bodies = payload.subarray(indexBytes);
    const entries = new Map<string, CachedFile>();
    let start = 0;
    for (let i = 0; i < index.keys.length; i++) {
      const end = index.ends[i] ?? -1;
      if (!(end >= start && end <= bodies.length)) return { ok: false, reason: 'malformed entry' };
      const key = index.keys[i] ?? '';
      entries.set(key, new LoadedEntry(key, index.kinds[i] ?? 'code', index.sizes[i] ?? -1, index.mtimes[i] ?? 0, index.hashes[i] ?? '', bodies.subarray(start, end)));
      start = end;
    }
    const whole = isWhole(index.whole) ? index.whole : null;
    return { ok: true, cache: { entries, savedAtMs: typeof header.savedAtMs === 'number' ? header.savedAtMs : 0, whole } };
  } catch (e) {
    return { ok: false, reason: `unreadable content (${(e as Error).message.slice(0, 120)})` };
  }
}

function isIndex(x: Partial<IndexPart> | null): x is IndexPart {
  if (!x || typeof x !== 'object') return false;
  const n = Array.isArray(x.keys) ? x.keys.length : -1;
  const columns = [x.kinds, x.sizes, x.mtimes, x.hashes, x.ends];
  return n >= 0 && columns.every((c) => Array.isArray(c) && c.length === n) && x.keys?.every((k) => typeof k === 'string') === true;
}

/** A loaded entry. A class, not an object with a closure: one small object per file of the workspace. */
class LoadedEntry implements CachedFile {
  private parsed: CacheBody | null | undefined;
  constructor(
    readonly key: string,
    readonly kind: FileKind,
    readonly size: number,
    readonly mtimeMs: number,
    readonly hash: string,
    readonly raw: Buffer,
  ) {}

  body(): CacheBody | null {
    if (this.parsed === undefined) {
      try {
        const b = v8.deserialize(this.raw) as unknown;
        this.parsed = isBody(b) ? b : null;
      } catch {
        this.parsed = null;
      }
    }
    return this.parsed;
  }
}

function isWhole(w: unknown): w is CachedResult {
  if (!w || typeof w !== 'object') return false;
  const o = w as Record<string, unknown>;
  const r = o.result as Record<string, unknown> | undefined;
  return (
    Array.isArray(o.walkSkipped) && Array.isArray(o.external) && !!r && typeof r === 'object' &&
    Array.isArray(r.detections) && Array.isArray(r.flows) && Array.isArray(r.skipped) && !!r.stats && !!r.services
  );
}

function isBody(e: unknown): e is CacheBody {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.lines === 'number' && o.usage instanceof Map &&
    (o.facts === undefined || o.facts === null || typeof o.facts === 'object') && (o.pre === null || typeof o.pre === 'object') &&
    (o.pkg === null || typeof o.pkg === 'object') && (o.skip === null || typeof o.skip === 'object')
  );
}

/** The entry of a file state read from disk (an editor's unsaved text is not what the next session reads). */
export function entryOf(st: FileState): CacheEntry | null {
  if (st.fromEditor || st.hash === undefined || st.rec.size < 0) return null;
  const row: CacheRow = { key: entryKey(st.rec.rootIndex, st.rec.rel), kind: st.rec.kind, size: st.rec.size, mtimeMs: st.rec.mtimeMs, hash: st.hash };
  // Results loaded from the cache and never asked for are saved as the bytes they came from.
  const raw = (st as { unreadCacheBody?: () => Buffer | null }).unreadCacheBody?.();
  if (raw) return { ...row, raw };
  const body: CacheBody = { lines: st.lines, skip: st.skip, pre: st.pre, facts: st.facts, pkg: st.pkg, usage: st.usage };
  if (st.names) body.names = st.names;
  if (st.members) body.members = st.members;
  return { ...row, body };
}

/** Writes the cache atomically: a unique temp file in the same folder, then rename over the old one. */
export function saveCache(file: string, id: CacheIdentity, entries: CacheEntry[], whole: CachedResult | null = null): number {
  const bodies = entries.map((e) => ('raw' in e ? e.raw : v8.serialize(e.body)));
  const ends: number[] = [];
  let end = 0;
  for (const b of bodies) ends.push((end += b.length));
  const index: IndexPart = {
    keys: entries.map((e) => e.key),
    kinds: entries.map((e) => e.kind),
    sizes: entries.map((e) => e.size),
    mtimes: entries.map((e) => e.mtimeMs),
    hashes: entries.map((e) => e.hash),
    ends,
    whole,
  };
  const indexBuf = v8.serialize(index);
  const payload = Buffer.concat([indexBuf, ...bodies]);
  const header: Header = {
    format: CACHE_FORMAT,
    analyzerVersion: id.analyzerVersion,
    roots: [...id.roots],
    maxBytes: id.maxBytes,
    exclude: [...id.exclude].sort(),
    savedAtMs: Date.now(),
    entries: entries.length,
    indexBytes: indexBuf.length,
    payloadBytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(headerBuf.length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([MAGIC, len, headerBuf, payload]));
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return MAGIC.length + 4 + headerBuf.length + payload.length;
}

/**
 * The cached state of a discovered file whose size and mtime match its entry, or null (read it). A file
 * modified within RACY_MS of the save could have changed again in the same mtime tick: read it.
 */
export function stateFromStat<E extends CacheRow>(entry: E | undefined, st: Pick<FileState['rec'], 'size' | 'mtimeMs' | 'kind'>, savedAtMs: number): E | null {
  if (!entry || entry.kind !== st.kind || entry.size !== st.size || entry.mtimeMs !== st.mtimeMs) return null;
  if (entry.mtimeMs >= savedAtMs - RACY_MS) return null;
  return entry;
}
