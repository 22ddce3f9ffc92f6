import Koa from 'koa';
import Router from '@koa/router';
import { PassThrough } from 'node:stream';
import { QueueEvents } from 'bullmq';
import { FlowProducer } from 'bullmq';
import { QueueName, connection, transcodeQueue } from '../queues/index.js';

const app = new Koa();
const router = new Router();
const flows = new FlowProducer({ connection });
const events = new QueueEvents(QueueName.Transcode, { connection });

router.post('/assets/:id/transcode', async (ctx) => {
  await transcodeQueue.addBulk([
    { name: '720p', data: { assetId: ctx.params.id, source: ctx.query.src, preset: '720p' } },
    { name: '1080p', data: { assetId: ctx.params.id, source: ctx.query.src, preset: '1080p' } },
  ]);
  ctx.status = 202;
});

router.post('/assets/:id/release', async (ctx) => {
  await flows.add({
    name: 'release',
    queueName: QueueName.Publish,
    data: { assetId: ctx.params.id },
    children: [{ name: 'final', queueName: QueueName.Transcode, data: { assetId: ctx.params.id, preset: '1080p' } }],
  });
  ctx.status = 202;
});

router.get('/assets/:id/progress', (ctx) => {
  ctx.request.socket.setTimeout(0);
  ctx.set('Content-Type', 'text/event-stream');
  const stream = new PassThrough();
  ctx.body = stream;
  const onProgress = (e: { assetId: string; percent: string }) => {
    if (e.assetId === ctx.params.id) stream.write(`data: ${e.percent}\n\n`);
  };
  events.on<{ 'transcode-progress': typeof onProgress }>('transcode-progress', onProgress);
  ctx.req.on('close', () => events.off('transcode-progress', onProgress));
});

app.use(router.routes());
app.listen(3000);
