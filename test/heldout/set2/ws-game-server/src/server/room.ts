import { WebSocket } from 'ws';
import type { PlayerState, ServerMessage } from './protocol.js';

export class Room {
  private readonly sockets = new Map<string, WebSocket>();
  readonly players = new Map<string, PlayerState>();

  add(id: string, socket: WebSocket, name: string): void {
    this.sockets.set(id, socket);
    this.players.set(id, { id, name, x: 0, y: 0 });
  }

  remove(id: string): void {
    this.sockets.delete(id);
    this.players.delete(id);
  }

  broadcast(message: ServerMessage): void {
    const frame = JSON.stringify(message);
    for (const socket of this.sockets.values()) {
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
    }
  }
}
