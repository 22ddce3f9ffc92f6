#!/usr/bin/env node
import { TreeWatcher, WatchEvent } from './lib/watcher.mjs';
import { Uploader } from './lib/uploader.mjs';
import { attachStatus } from './lib/tray.mjs';

const root = process.argv[2] ?? process.cwd();
const endpoint = process.env.DROPSYNC_ENDPOINT;
const watcher = new TreeWatcher().start(root);
const uploader = new Uploader();
attachStatus(uploader);

watcher.on(WatchEvent.Changed, (file) => uploader.enqueue(file));
watcher.addListener(WatchEvent.Removed, (file) => uploader.pending.delete(file));
watcher.on(WatchEvent.Settled, () => uploader.flush(endpoint).catch((e) => console.error(e)));
watcher.on('error', (err) => console.error('watch error', err));

process.on('SIGINT', () => process.exit(0));
process.stdin.on('data', (chunk) => {
  if (chunk.toString().trim() === 'flush') uploader.flush(endpoint);
});
