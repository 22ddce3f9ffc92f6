import cluster from 'node:cluster';
import os from 'node:os';

export function forkWorkers(): void {
  for (let i = 0; i < os.availableParallelism(); i++) cluster.fork();

  cluster.on('exit', (worker, code) => {
    console.warn(`worker ${worker.process.pid} exited with ${code}, restarting`);
    cluster.fork();
  });

  cluster.on('message', (worker, msg: { type: string; count: number }) => {
    if (msg.type === 'flushed') console.log(`worker ${worker.id} flushed ${msg.count}`);
  });
}
