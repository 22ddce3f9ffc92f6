// Per-file state of the engine: guards (size, binary, encoding, minified), prefilter info, package.json
// contents, and the lazily extracted facts. Built from one read of the file (or an editor's text).
import fs from 'node:fs';
import type { SkippedFile } from '../types';
import type { FileFacts } from '../extract/facts';
import type { DiscoveredFile } from '../discovery/walk';
import { formatBytes } from '../discovery/walk';
import { checkBuffer, checkText } from '../discovery/guards';
import type { PrefilterInfo } from '../discovery/prefilter';
import { prefilter } from '../discovery/prefilter';
import { codeView } from '../extract/sfc';
import type { PackageInfo } from './services';
import { parsePackageJson } from './services';
import { contentHash } from './persistentCache';

export interface FileState {
  rec: DiscoveredFile;
  skip: SkippedFile | null;
  lines: number;
  pre: PrefilterInfo | null;
  /** Text kept until the file is parsed (or permanently when it came from an editor buffer). */
  text: string | null;
  fromEditor: boolean;
  /** undefined: not extracted yet; null: extraction failed (see skip). */
  facts: FileFacts | null | undefined;
  /** Stage 2: the names relative imports bind (computed on demand, from the text). */
  names?: [string, string, string][];
  /** Stage 2: the members a namespace import is used through (null: used bare), on demand. */
  members?: Map<string, Set<string> | null>;
  /** Stage 2: which imported names are used as receivers (computed on demand, from the text). */
  usage: Map<string, boolean>;
  pkg: PackageInfo | null;
  /** Hash of the bytes read from disk, for the persistent cache (only when the cache is on). */
  hash?: string;
}

/** `hash`: also hash the bytes read (the persistent cache's content key). */
export function readFileState(rec: DiscoveredFile, editorText: string | null, maxBytes: number, hash = false): FileState {
  const st: FileState = { rec, skip: null, lines: 0, pre: null, text: null, fromEditor: editorText !== null, facts: undefined, pkg: null, usage: new Map() };
  let text: string;
  if (editorText !== null) {
    text = editorText;
    if (Buffer.byteLength(text) > maxBytes && rec.kind !== 'package') {
      st.skip = { file: rec.rel, root: rec.rootIndex, reason: 'too-large', detail: `${formatBytes(Buffer.byteLength(text))} > ${formatBytes(maxBytes)} cap` };
      return st;
    }
    if (text.includes('\u0000')) {
      st.skip = { file: rec.rel, root: rec.rootIndex, reason: 'binary', detail: 'NUL character in the text' };
      return st;
    }
  } else {
    let buf: Buffer;
    try {
      const read = readCapped(rec, maxBytes);
      if (read === null) {
        st.skip = { file: rec.rel, root: rec.rootIndex, reason: 'too-large', detail: `${formatBytes(rec.size)} > ${formatBytes(maxBytes)} cap` };
        return st;
      }
      buf = read;
    } catch (e) {
      st.skip = { file: rec.rel, root: rec.rootIndex, reason: 'unreadable', detail: (e as Error).message };
      return st;
    }
    if (hash) st.hash = contentHash(buf);
    const verdict = checkBuffer(buf);
    if (verdict) {
      st.skip = { file: rec.rel, root: rec.rootIndex, ...verdict };
      return st;
    }
    text = buf.toString('utf8');
  }
  // Valid UTF-8 decodes and re-encodes to the same bytes, so a read file's size is its buffer's length.
  rec.size = editorText !== null ? Buffer.byteLength(text) : rec.size;
  const { lines, verdict } = checkText(text, rec.kind === 'code');
  st.lines = lines;
  if (verdict) {
    st.skip = { file: rec.rel, root: rec.rootIndex, ...verdict };
    return st;
  }
  if (rec.kind === 'package') {
    st.pkg = parsePackageJson(text);
    st.facts = null;
    return st;
  }
  // Texts are not kept (re-reading the few parsed files is cheaper than the heap they would hold), except
  // an editor's unsaved text, which exists nowhere else, and a stage-1 file's until it is parsed (every
  // stage-1 file is: holding ~1 % of the texts briefly saves reading them twice).
  // A component's template is not code: the prefilter sees the same script view the parser will.
  if (rec.kind === 'code') st.pre = prefilter(codeView(rec.abs, text));
  if (st.fromEditor || st.pre?.stage1) st.text = text;
  return st;
}

/**
 * Reads a file. When the walk did not stat it (size -1), the size and mtime come from the open file and
 * the size cap is applied here: null means too large (nothing read beyond the stat).
 */
function readCapped(rec: DiscoveredFile, maxBytes: number): Buffer | null {
  if (rec.size >= 0) {
    const buf = fs.readFileSync(rec.abs);
    rec.size = buf.length;
    return buf;
  }
  const fd = fs.openSync(rec.abs, 'r');
  try {
    const stat = fs.fstatSync(fd);
    rec.size = stat.size;
    rec.mtimeMs = stat.mtimeMs;
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > maxBytes && rec.kind !== 'package') return null;
    const buf = fs.readFileSync(fd);
    rec.size = buf.length;
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}
