import { EventEmitter, on } from 'node:events';

export type BuildStatus = { id: string; state: 'queued' | 'running' | 'passed' | 'failed' };

class BuildBus extends EventEmitter {
  publishStatus(status: BuildStatus) {
    this.emit('status', status);
  }
  stream(signal?: AbortSignal) {
    return on(this, 'status', { signal });
  }
}

export const buildBus = new BuildBus();
