import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter as createClusterAdapter } from '@socket.io/cluster-adapter';
import { setupWorker } from '@socket.io/sticky';
import { registerBidding } from './bidding.js';

const httpServer = createServer();
const io = new Server(httpServer, { transports: ['websocket', 'polling'] });

io.adapter(createClusterAdapter());
setupWorker(io);

io.on('connection', (socket) => registerBidding(io, socket));
