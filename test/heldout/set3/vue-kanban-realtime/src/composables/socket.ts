import { io, type Socket } from 'socket.io-client';

let socket: Socket | undefined;

export function useSocket(): Socket {
  socket ??= io(import.meta.env.VITE_API_URL, { withCredentials: true, transports: ['websocket'] });
  return socket;
}
