import { Worker } from 'bullmq';
import { QueueName, connection } from '../queues/index.js';

export const thumbnailWorker = new Worker(QueueName.Thumbnail, new URL('./thumbnail.sandbox.js', import.meta.url), {
  connection,
  useWorkerThreads: true,
});
