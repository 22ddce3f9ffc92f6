import { Worker, type Job } from 'bullmq';
import { connection, QueueName } from '../queues';

class RenderWorker {
  private worker?: Worker;

  start(): void {
    this.worker = new Worker(QueueName.Render, (job: Job) => this.render(job), { connection, concurrency: 2 });
    this.worker.on('failed', (job, err) => console.error(job?.id, err));
  }

  private async render(job: Job<{ videoId: string }>): Promise<string> {
    await job.updateProgress(50);
    return `s3://renders/${job.data.videoId}.mp4`;
  }
}

export const renderWorker = new RenderWorker();

export const thumbnailWorker = new Worker(
  QueueName.Thumbnail,
  async (job) => ({ path: `s3://thumbs/${job.data.videoId}-${job.data.size}.jpg` }),
  { connection },
);
