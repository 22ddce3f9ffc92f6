// The state of a file taken from the persistent cache without opening it. Its results are deserialized
// the first time the analysis asks for one of them: an unchanged workspace whose whole result is reused
// never asks, so its reopen reads the cache's small index only. An entry whose results turn out malformed
// (the checksum matched, so only a writer's bug could cause it) is a cache miss: the file is read again.
import type { FileFacts } from '../extract/facts';
import type { DiscoveredFile } from '../discovery/walk';
import type { PrefilterInfo } from '../discovery/prefilter';
import type { SkippedFile } from '../types';
import type { FileState } from './fileState';
import { readFileState } from './fileState';
import type { CacheBody, CachedFile } from './persistentCache';
import type { PackageInfo } from './services';

export class CachedFileState implements FileState {
  readonly rec: DiscoveredFile;
  text: string | null = null;
  fromEditor = false;
  hash: string;
  private loaded: CacheBody | undefined;

  constructor(
    rec: DiscoveredFile,
    private readonly entry: CachedFile,
    private readonly maxBytes: number,
  ) {
    this.rec = { ...rec, size: entry.size };
    this.hash = entry.hash;
  }

  /** The entry's serialized results while nothing has read them (saved again as they are), else null. */
  unreadCacheBody(): Buffer | null {
    return this.loaded === undefined ? this.entry.raw : null;
  }

  private get body(): CacheBody {
    if (this.loaded === undefined) {
      const b = this.entry.body();
      if (b) this.loaded = { ...b };
      else {
        const fresh = readFileState(this.rec, null, this.maxBytes, true);
        this.loaded = { lines: fresh.lines, skip: fresh.skip, pre: fresh.pre, facts: fresh.facts, pkg: fresh.pkg, usage: fresh.usage };
        this.text = fresh.text;
        if (fresh.hash !== undefined) this.hash = fresh.hash;
      }
    }
    return this.loaded;
  }

  get skip(): SkippedFile | null {
    return this.body.skip;
  }
  set skip(v: SkippedFile | null) {
    this.body.skip = v;
  }
  get lines(): number {
    return this.body.lines;
  }
  set lines(v: number) {
    this.body.lines = v;
  }
  get pre(): PrefilterInfo | null {
    return this.body.pre;
  }
  set pre(v: PrefilterInfo | null) {
    this.body.pre = v;
  }
  get facts(): FileFacts | null | undefined {
    return this.body.facts;
  }
  set facts(v: FileFacts | null | undefined) {
    this.body.facts = v;
  }
  get pkg(): PackageInfo | null {
    return this.body.pkg;
  }
  set pkg(v: PackageInfo | null) {
    this.body.pkg = v;
  }
  get usage(): Map<string, boolean> {
    return this.body.usage;
  }
  set usage(v: Map<string, boolean>) {
    this.body.usage = v;
  }
  get names(): [string, string, string][] | undefined {
    return this.body.names;
  }
  set names(v: [string, string, string][] | undefined) {
    if (v === undefined) delete this.body.names;
    else this.body.names = v;
  }
  get members(): Map<string, Set<string> | null> | undefined {
    return this.body.members;
  }
  set members(v: Map<string, Set<string> | null> | undefined) {
    if (v === undefined) delete this.body.members;
    else this.body.members = v;
  }
}
