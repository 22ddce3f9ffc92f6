import type { FastifyPluginAsync } from 'fastify';
import { Queue } from 'bullmq';
import { pool } from '../infra/pg.js';
import { BUILD_QUEUE, logStream, redis } from '../infra/redis.js';

const builds = new Queue(BUILD_QUEUE, { connection: redis });

export const buildRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { repo: string; sha: string } }>('/builds', async (req, reply) => {
    const { rows } = await pool.query(
      'INSERT INTO builds (repo, sha, status) VALUES ($1, $2, $3) RETURNING id',
      [req.body.repo, req.body.sha, 'queued'],
    );
    await builds.add('run', { buildId: rows[0].id, ...req.body }, { attempts: 2 });
    return reply.code(202).send({ id: rows[0].id });
  });

  app.get<{ Params: { id: string } }>('/builds/:id/logs', async (req, reply) => {
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
    });
    let cursor = req.headers['last-event-id']?.toString() ?? '0';
    let open = true;
    req.raw.on('close', () => (open = false));
    const reader = redis.duplicate();
    while (open) {
      const res = await reader.xread('BLOCK', 15000, 'STREAMS', logStream(req.params.id), cursor);
      for (const [, entries] of res ?? []) {
        for (const [id, fields] of entries) {
          cursor = id;
          reply.raw.write(`id: ${id}\ndata: ${fields[1]}\n\n`);
        }
      }
    }
    reader.disconnect();
  });
};
