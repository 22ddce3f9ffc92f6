import Redis from 'ioredis';

const url = process.env.REDIS_URL;
export const pub = new Redis(url, { lazyConnect: true });
export const sub = new Redis(url, { lazyConnect: true });

export const boardChannel = (boardId) => `board:${boardId}:ops`;

export async function connectBus() {
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.psubscribe('board:*:ops');
}

export function relayOp(boardId, op) {
  return pub.publish(boardChannel(boardId), JSON.stringify(op));
}
