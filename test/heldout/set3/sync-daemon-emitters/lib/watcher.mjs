import { EventEmitter } from 'node:events';
import chokidar from 'chokidar';

export const WatchEvent = Object.freeze({
  Changed: 'fs:changed',
  Removed: 'fs:removed',
  Settled: 'fs:settled',
});

export class TreeWatcher extends EventEmitter {
  #timer;
  start(root) {
    const fsw = chokidar.watch(root, { ignoreInitial: true, awaitWriteFinish: true });
    fsw.on('change', (file) => this.#bump(WatchEvent.Changed, file));
    fsw.on('add', (file) => this.#bump(WatchEvent.Changed, file));
    fsw.on('unlink', (file) => this.#bump(WatchEvent.Removed, file));
    fsw.on('error', (err) => this.emit('error', err));
    return this;
  }
  #bump(kind, file) {
    this.emit(kind, file);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.emit(WatchEvent.Settled), 750);
  }
}
