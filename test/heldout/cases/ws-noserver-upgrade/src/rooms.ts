import type { WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();

export function join(room: string, socket: WebSocket): void {
  let members = rooms.get(room);
  if (!members) rooms.set(room, (members = new Set()));
  members.add(socket);
}

export function leave(room: string, socket: WebSocket): void {
  rooms.get(room)?.delete(socket);
}

export function broadcast(room: string, data: string, except?: WebSocket): void {
  for (const peer of rooms.get(room) ?? []) {
    if (peer !== except && peer.readyState === peer.OPEN) peer.send(data);
  }
}
