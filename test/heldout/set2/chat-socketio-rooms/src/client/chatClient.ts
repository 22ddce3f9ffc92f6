import { io, type Socket } from 'socket.io-client';
import { ChatEvent, type ChatMessage } from '../shared/events';

export function connectChat(user: string, onMessage: (m: ChatMessage) => void): Socket {
  const socket = io(import.meta.env.VITE_CHAT_URL, { auth: { user }, transports: ['websocket'] });

  socket.on('connect_error', (err) => console.warn('chat connect failed', err.message));
  socket.on(ChatEvent.Message, onMessage);

  return socket;
}

export function joinRoom(socket: Socket, roomId: string): void {
  socket.emit(ChatEvent.Join, roomId);
}

export function sendMessage(socket: Socket, roomId: string, body: string): Promise<string> {
  return new Promise((resolve) => socket.emit(ChatEvent.Message, { roomId, body }, resolve));
}
