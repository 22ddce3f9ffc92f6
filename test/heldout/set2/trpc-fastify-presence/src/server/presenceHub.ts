import EventEmitter from 'eventemitter3';
import Redis from 'ioredis';

export type PresenceEvents = {
  joined: (p: { room: string; userId: string }) => void;
  left: (p: { room: string; userId: string }) => void;
};

export const hub = new EventEmitter<PresenceEvents>();

const PRESENCE_CHANNEL = 'presence:events';
const sub = new Redis(process.env.REDIS_URL!);
const pub = new Redis(process.env.REDIS_URL!);

export async function startHub(): Promise<void> {
  await sub.subscribe(PRESENCE_CHANNEL);
  sub.on('message', (_c, raw) => {
    const evt = JSON.parse(raw) as { type: 'joined' | 'left'; room: string; userId: string };
    hub.emit(evt.type, { room: evt.room, userId: evt.userId });
  });
}

export function announce(type: 'joined' | 'left', room: string, userId: string) {
  return pub.publish(PRESENCE_CHANNEL, JSON.stringify({ type, room, userId }));
}
