import { createAdapter } from '@socket.io/mongo-adapter';
import { MongoClient } from 'mongodb';
import { Server } from 'socket.io';

const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017/?replicaSet=rs0');
await mongo.connect();
const collection = mongo.db('rt').collection('socket.io-adapter-events');

export const io = new Server(Number(process.env.PORT ?? 3100), {
  adapter: createAdapter(collection, { addCreatedAtField: true }),
  cors: { origin: '*' },
});

io.on('connection', (socket) => {
  socket.on('ping:rt', (cb: () => void) => cb());
});
