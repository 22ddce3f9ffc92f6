import cluster from 'node:cluster';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { Server } from 'socket.io';
import { createAdapter, setupPrimary } from '@socket.io/cluster-adapter';
import { setupMaster, setupWorker } from '@socket.io/sticky';

if (cluster.isPrimary) {
  const httpServer = http.createServer();
  setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
  setupPrimary();
  httpServer.listen(3000);
  for (let i = 0; i < availableParallelism(); i++) cluster.fork();
  cluster.on('exit', (worker) => {
    console.warn(`worker ${worker.process.pid} died, restarting`);
    cluster.fork();
  });
} else {
  const io = new Server();
  io.adapter(createAdapter());
  setupWorker(io);
  io.on('connection', (socket) => {
    socket.on('watch', (pair: string) => socket.join(`pair:${pair}`));
  });
  setInterval(() => io.to('pair:EURUSD').emit('tick', { pair: 'EURUSD', px: 1.08 + Math.random() / 100 }), 1000);
}
