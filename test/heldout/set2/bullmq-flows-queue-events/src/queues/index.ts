import { Queue, QueueEventsProducer } from 'bullmq';
import { QueueName, connection } from './names.js';

export const transcodeQueue = new Queue(QueueName.Transcode, { connection });
export const thumbnailQueue = new Queue(QueueName.Thumbnail, { connection });
export const publishQueue = new Queue(QueueName.Publish, { connection });

export const progressEvents = new QueueEventsProducer(QueueName.Transcode, { connection });

export * from './names.js';
