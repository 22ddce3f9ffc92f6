import { createClient, type RedisClientType } from 'redis';
import { Channel, ROOM_PREFIX } from './channels';

type Listener = (userId: string, online: boolean) => void;

export class PresenceHub {
  private pub!: RedisClientType;
  private sub!: RedisClientType;
  private readonly listeners = new Set<Listener>();

  async init(url: string): Promise<void> {
    this.pub = createClient({ url });
    this.sub = this.pub.duplicate();
    this.pub.on('error', (err) => console.error('redis pub', err));
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(Channel.Presence, (raw) => {
      const { userId, online } = JSON.parse(raw) as { userId: string; online: boolean };
      for (const l of this.listeners) l(userId, online);
    });
    await this.sub.pSubscribe(`${ROOM_PREFIX}*`, (message, channel) => console.debug(channel, message));
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async setOnline(userId: string, online: boolean): Promise<void> {
    await this.pub.publish(Channel.Presence, JSON.stringify({ userId, online }));
  }

  async say(roomId: string, text: string): Promise<number> {
    return this.pub.publish(ROOM_PREFIX + roomId, text);
  }

  async typing(userId: string): Promise<void> {
    await this.pub.publish(Channel.Typing, userId);
  }

  async close(): Promise<void> {
    await this.sub.unsubscribe();
    await Promise.all([this.pub.quit(), this.sub.quit()]);
  }
}
