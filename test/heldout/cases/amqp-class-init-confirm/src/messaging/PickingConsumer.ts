import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import { EXCHANGE_ORDERS, QUEUE_LABELS, QUEUE_PICKING } from './names';

type Handler = (order: { orderId: string }) => Promise<void>;

export class PickingConsumer {
  private ch: Channel | null = null;

  constructor(private readonly handler: Handler) {}

  async init(url: string): Promise<void> {
    const conn = await amqp.connect(url);
    this.ch = await conn.createChannel();
    await this.ch.assertQueue(QUEUE_PICKING, { durable: true, deadLetterExchange: 'dlx' });
    await this.ch.bindQueue(QUEUE_PICKING, EXCHANGE_ORDERS, 'order.paid.#');
    await this.ch.prefetch(20);
    await this.ch.consume(QUEUE_PICKING, (msg) => void this.onMessage(msg));
    await this.ch.consume(
      QUEUE_LABELS,
      (msg) => {
        if (msg) this.ch?.ack(msg);
      },
      { noAck: false },
    );
  }

  private async onMessage(msg: ConsumeMessage | null): Promise<void> {
    if (!msg || !this.ch) return;
    try {
      await this.handler(JSON.parse(msg.content.toString()));
      this.ch.ack(msg);
    } catch {
      this.ch.nack(msg, false, false);
    }
  }
}
