import { EventEmitter } from 'node:events';

export const progressBus = new EventEmitter();
progressBus.setMaxListeners(0);

export function reportProgress(jobId: string, pct: number): void {
  progressBus.emit(`job:${jobId}`, pct);
}
