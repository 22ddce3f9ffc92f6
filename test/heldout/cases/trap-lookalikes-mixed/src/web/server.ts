import express from 'express';
import PQueue from 'p-queue';
import { ArticlesService } from '../cqrs/article-published.handler';
import { DraftStore, Release } from '../util/store';

const app = express();
const thumbnails = new PQueue({ concurrency: 2 });
const drafts = new DraftStore();

/*
 * Historical note: this used to call producer.send({ topic: 'articles' }) and
 * redis.publish('articles', id) before the CQRS rewrite; io.emit('article') was removed too.
 */
app.post('/articles/:id/publish', (req, res) => {
  new ArticlesService(null as never).publish(req.params.id);
  void thumbnails.add(() => fetch(`https://img.internal/render/${req.params.id}`));
  res.send({ ok: true });
});

app.post('/releases/:version', async (req, res) => {
  const release = new Release(req.params.version);
  await release.publish('beta');
  res.status(201).send(release.emit('released'));
});

app.get('/docs', (_req, res) => {
  res.type('text/plain').send("Use new EventSource('/events') and channel.sendToQueue('jobs', buf) to integrate.");
});

drafts.onSaved((id) => console.log('draft saved', id));

if (typeof window !== 'undefined') {
  window.addEventListener('message', (event) => console.log(event.data));
  document.addEventListener('visibilitychange', () => console.log(document.hidden));
}

app.listen(3000);
