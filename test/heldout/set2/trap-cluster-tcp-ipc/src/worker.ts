import { parentPort, Worker, isMainThread } from 'node:worker_threads';
import { samples, forwardThreshold, server } from './tcpIngest.js';

if (isMainThread) {
  const aggregator = new Worker(new URL(import.meta.url));
  aggregator.on('message', (summary) => console.log('summary', summary));
  aggregator.on('error', (err) => console.error(err));

  samples.on('sample', (s: { name: string; value: number }) => {
    aggregator.postMessage(s);
    if (s.value > 1000) void forwardThreshold(s.name, s.value);
  });

  server.listen(2003);
  process.send?.({ type: 'ready' });
} else {
  const totals = new Map<string, number>();
  parentPort!.on('message', (s: { name: string; value: number }) => {
    totals.set(s.name, (totals.get(s.name) ?? 0) + s.value);
  });
  setInterval(() => parentPort!.postMessage(Object.fromEntries(totals)), 10_000);
}
