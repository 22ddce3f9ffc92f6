export enum QueueName {
  Transcode = 'media:transcode',
  Thumbnail = 'media:thumbnail',
  Publish = 'media:publish',
}

export const connection = { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 };
