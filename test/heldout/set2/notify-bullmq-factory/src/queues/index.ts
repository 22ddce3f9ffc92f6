import { Queue } from 'bullmq';
import { connection } from './connection';
import { config } from '../config';

export interface EmailJob { to: string; template: string; vars: Record<string, string> }
export interface PushJob { deviceToken: string; title: string; body: string }

export const emailQueue = new Queue<EmailJob>(config.queues.email, { connection });
export const pushQueue = new Queue<PushJob>(config.queues.push, { connection });
export const digestQueue = new Queue(config.queues.digest, { connection });

export async function scheduleDigests(): Promise<void> {
  await digestQueue.upsertJobScheduler('daily-digest', { pattern: '0 7 * * *' }, { name: 'digest' });
}
