import Redis from 'ioredis';
import { DOC_CHANNEL_PREFIX, AWARENESS } from './channels';

type Handler = (docId: string, update: Buffer) => void;

export class DocBus {
  private readonly pub = new Redis(process.env.REDIS_URL!);
  private readonly sub = new Redis(process.env.REDIS_URL!);
  private readonly handlers = new Set<Handler>();

  async start(): Promise<void> {
    await this.sub.psubscribe(`${DOC_CHANNEL_PREFIX}:*`);
    await this.sub.subscribe(AWARENESS);
    this.sub.on('pmessageBuffer', (_pattern, channel, message) => {
      const docId = channel.toString().split(':')[1];
      for (const h of this.handlers) h(docId, message);
    });
  }

  onUpdate(handler: Handler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async broadcastAwareness(payload: string): Promise<void> {
    await this.pub.publish(AWARENESS, payload);
  }

  async publishUpdate(docId: string, update: Uint8Array): Promise<void> {
    await this.pub.publish(`${DOC_CHANNEL_PREFIX}:${docId}`, Buffer.from(update));
  }
}
