import { Worker, type Job } from 'bullmq';
import ffmpeg from 'fluent-ffmpeg';
import { QueueName, connection, progressEvents, thumbnailQueue } from '../queues/index.js';

type TranscodeJob = { assetId: string; source: string; preset: '720p' | '1080p' };

export const transcodeWorker = new Worker<TranscodeJob>(
  QueueName.Transcode,
  async (job: Job<TranscodeJob>) => {
    await new Promise<void>((resolve, reject) => {
      ffmpeg(job.data.source)
        .size(job.data.preset === '720p' ? '?x720' : '?x1080')
        .on('progress', (p) => void progressEvents.publishEvent({ eventName: 'transcode-progress', assetId: job.data.assetId, percent: String(p.percent) }))
        .on('end', () => resolve())
        .on('error', reject)
        .save(`/tmp/${job.data.assetId}-${job.data.preset}.mp4`);
    });
    await thumbnailQueue.add('thumb', { assetId: job.data.assetId }, { jobId: `thumb-${job.data.assetId}` });
  },
  { connection, concurrency: 2 },
);

transcodeWorker.on('failed', (job, err) => console.error(`transcode ${job?.id}`, err));
