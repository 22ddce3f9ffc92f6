import { io } from 'socket.io-client';
import { BID_PLACED, PLACE_BID } from '../events.js';

const socket = io('http://localhost:3000', { transports: ['websocket'] });

socket.on('connect', () => socket.emit('lot:follow', process.argv[2]));
socket.on(BID_PLACED, ({ lotId, cents }: { lotId: string; cents: number }) => {
  if (cents < Number(process.env.MAX_CENTS)) socket.emit(PLACE_BID, { lotId, cents: cents + 100 });
});
socket.on('disconnect', () => process.exit(0));
