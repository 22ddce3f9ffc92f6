import cluster from 'node:cluster';
import { createReadStream } from 'node:fs';
import { QueueEvents, Worker } from 'bullmq';
import Redis from 'ioredis';
import pg from 'pg';

const redis = new Redis(process.env.REDIS_URL!);
redis.on('ready', () => console.log('redis ready'));
redis.on('error', (e) => console.error(e));
redis.on('reconnecting', () => console.warn('redis reconnecting'));

const pool = new pg.Pool();
pool.on('connect', (client) => void client.query("SET application_name = 'presence'"));
pool.on('error', (e) => console.error(e));

export function watchWorker(worker: Worker, events: QueueEvents) {
  worker.on('failed', (job, err) => console.error(job?.id, err));
  worker.on('completed', (job) => console.log('done', job.id));
  events.on('stalled', ({ jobId }) => console.warn('stalled', jobId));
}

export function importCsv(path: string) {
  const stream = createReadStream(path);
  let rows = 0;
  stream.on('data', (chunk) => (rows += chunk.toString().split('\n').length));
  stream.on('end', () => console.log(`${rows} rows`));
  stream.on('error', (e) => console.error(e));
}

if (cluster.isPrimary) {
  cluster.on('exit', (w, code) => console.warn(`worker ${w.id} exited with ${code}`));
  process.on('SIGTERM', () => void redis.quit());
  process.once('beforeExit', () => pool.end());
}
