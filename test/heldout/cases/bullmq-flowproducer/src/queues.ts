import { FlowProducer, Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';

export const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null });

export enum QueueName {
  Render = 'render',
  Thumbnail = 'thumbnail',
  Publish = 'publish-video',
}

export const flows = new FlowProducer({ connection });
export const publishQueue = new Queue(QueueName.Publish, { connection });
export const renderEvents = new QueueEvents(QueueName.Render, { connection });

renderEvents.on('completed', ({ jobId }) => console.log(`render ${jobId} completed`));
