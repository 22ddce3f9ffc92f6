import EventEmitter from 'eventemitter3';
import { readFile } from 'node:fs/promises';

export class Uploader extends EventEmitter {
  pending = new Set();
  enqueue(file) {
    this.pending.add(file);
  }
  async flush(endpoint) {
    for (const file of this.pending) {
      const body = await readFile(file);
      const res = await fetch(`${endpoint}/put?path=${encodeURIComponent(file)}`, { method: 'PUT', body });
      if (!res.ok) this.emit('upload:failed', { file, status: res.status });
      else this.emit('upload:done', file);
    }
    this.pending.clear();
  }
}
