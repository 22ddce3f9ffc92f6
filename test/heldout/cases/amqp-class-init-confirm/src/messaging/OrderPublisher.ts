import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { EXCHANGE_ORDERS, QUEUE_LABELS } from './names';

export class OrderPublisher {
  private connection?: ChannelModel;
  private channel!: ConfirmChannel;

  async init(url: string): Promise<void> {
    this.connection = await amqp.connect(url);
    this.channel = await this.connection.createConfirmChannel();
    await this.channel.assertExchange(EXCHANGE_ORDERS, 'topic', { durable: true });
    this.connection.on('close', () => console.warn('amqp connection closed'));
  }

  async orderPacked(orderId: string, warehouse: string): Promise<void> {
    const body = Buffer.from(JSON.stringify({ orderId, warehouse }));
    this.channel.publish(EXCHANGE_ORDERS, `order.packed.${warehouse}`, body, { persistent: true, contentType: 'application/json' });
    await this.channel.waitForConfirms();
  }

  requestLabel(orderId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.channel.sendToQueue(QUEUE_LABELS, Buffer.from(orderId), { persistent: true }, (err) =>
        err ? reject(err) : resolve(),
      );
    });
  }

  async close(): Promise<void> {
    await this.channel.close();
    await this.connection?.close();
  }
}
