/** @type {Map<string, Set<import('ws').WebSocket>>} */
const rooms = new Map();

export function join(boardId, ws) {
  if (!rooms.has(boardId)) rooms.set(boardId, new Set());
  rooms.get(boardId).add(ws);
}

export function leave(boardId, ws) {
  rooms.get(boardId)?.delete(ws);
}

export function fanout(boardId, frame, except) {
  const peers = rooms.get(boardId);
  if (!peers) return;
  for (const peer of peers) {
    if (peer !== except && peer.readyState === 1) peer.send(frame);
  }
}
