import { flows, publishQueue, QueueName } from './queues';

export async function submitVideo(videoId: string, sizes: number[]) {
  return flows.add({
    name: 'render-master',
    queueName: QueueName.Render,
    data: { videoId },
    children: sizes.map((size) => ({ name: `thumb-${size}`, queueName: QueueName.Thumbnail, data: { videoId, size } })),
  });
}

export async function schedulePublish(videoId: string, at: Date) {
  await publishQueue.add('publish', { videoId }, { delay: Math.max(0, at.getTime() - Date.now()), jobId: videoId });
}

export async function republishAll(videoIds: string[]) {
  await publishQueue.addBulk(videoIds.map((videoId) => ({ name: 'publish', data: { videoId } })));
  await publishQueue.drain();
}
