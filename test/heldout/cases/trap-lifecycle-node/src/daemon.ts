import { fork } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import Redis from 'ioredis';
import knexFactory from 'knex';
import mongoose from 'mongoose';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
pool.on('error', (err) => console.error('pg pool', err));
pool.on('connect', (client) => client.query("SET application_name = 'ingest'"));

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
knex.on('query', (q) => console.debug(q.sql));

const cache = new Redis({ lazyConnect: true });
cache.on('ready', () => console.info('cache ready'));
cache.on('end', () => console.warn('cache gone'));

mongoose.connection.on('disconnected', () => console.warn('mongo disconnected'));

const child = fork(new URL('./parser.js', import.meta.url));
child.on('message', (msg) => console.log('parser says', msg));
child.send({ cmd: 'warmup' });

const thread = new ThreadWorker(new URL('./hash.js', import.meta.url));
thread.postMessage({ algo: 'sha256' });
thread.on('message', (digest) => console.log(digest));
thread.on('error', (err) => console.error(err));

export function ingest(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const stream = createReadStream(path).pipe(createGunzip());
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.once('end', () => resolve(bytes));
    stream.on('error', reject);
  });
}

const server = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  });
  res.on('finish', () => console.debug(req.method, req.url, res.statusCode));
});
server.on('clientError', (_err, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
server.listen(9100);

process.on('uncaughtException', (err) => console.error(err));
process.once('SIGINT', async () => {
  await pool.end();
  process.exit(0);
});
process.on('message', (msg) => console.log('from parent', msg));
