import { fanoutQueue } from './queues/index.js';

export interface NotifyInput { audience: string[]; template: string; vars: Record<string, string> }

export function notify(input: NotifyInput) {
  return fanoutQueue.add('fanout', input, { removeOnComplete: 1000 });
}
