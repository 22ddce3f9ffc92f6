import { EventEmitter } from 'node:events';
import { spawn } from 'node:child_process';

export interface StepResult { name: string; code: number | null }

export class StepRunner extends EventEmitter {
  async run(name: string, cmd: string, cwd: string): Promise<StepResult> {
    this.emit('step:started', { name });
    const child = spawn('sh', ['-c', cmd], { cwd });
    child.stdout.on('data', (chunk: Buffer) => this.emit('step:output', { name, line: chunk.toString() }));
    child.stderr.on('data', (chunk: Buffer) => this.emit('step:output', { name, line: chunk.toString() }));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    this.emit('step:finished', { name, code });
    return { name, code };
  }
}
