import express from 'express';
import { Article } from './article';
import { logger, pool, cache } from '../infra/logger';

export const router = express.Router();

router.post('/articles/:id/publish', async (req, res) => {
  const { rows } = await pool.query('UPDATE articles SET state = $1 WHERE id = $2 RETURNING title', ['published', req.params.id]);
  const article = new Article(req.params.id, rows[0].title);
  article.publish();
  await cache.del(`article:${req.params.id}`);
  await fetch(process.env.REVALIDATE_URL!, { method: 'POST', body: JSON.stringify({ path: `/a/${req.params.id}` }) });
  logger.log('info', 'article published', { id: req.params.id });
  res.send({ ok: true });
});

router.get('/articles/:id', async (req, res) => {
  const hit = await cache.get(`article:${req.params.id}`);
  if (hit) return res.type('json').send(hit);
  const { rows } = await pool.query('SELECT * FROM articles WHERE id = $1', [req.params.id]);
  await cache.set(`article:${req.params.id}`, JSON.stringify(rows[0]), 'EX', 60);
  res.json(rows[0]);
});

process.on('SIGINT', () => {
  logger.info('shutting down');
  process.exit(0);
});
process.on('unhandledRejection', (r) => logger.error('unhandled', { r }));
