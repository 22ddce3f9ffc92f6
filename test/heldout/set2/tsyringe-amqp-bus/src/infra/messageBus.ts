import 'reflect-metadata';
import { injectable, singleton } from 'tsyringe';
import amqp, { type ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { Exchanges } from './exchanges';

@singleton()
@injectable()
export class MessageBus {
  private readonly connection = amqp.connect([process.env.AMQP_URL ?? 'amqp://localhost']);
  private readonly channel: ChannelWrapper = this.connection.createChannel({
    json: true,
    setup: async (ch: ConfirmChannel) => {
      await ch.assertExchange(Exchanges.domain, 'topic', { durable: true });
      await ch.assertExchange(Exchanges.retry, 'fanout', { durable: true });
    },
  });

  async publish(routingKey: string, payload: object): Promise<void> {
    await this.channel.publish(Exchanges.domain, routingKey, payload, { contentType: 'application/json' });
  }

  async listen(queue: string, pattern: string, handler: (body: unknown) => Promise<void>): Promise<void> {
    await this.channel.addSetup(async (ch: ConfirmChannel) => {
      await ch.assertQueue(queue, { durable: true });
      await ch.bindQueue(queue, Exchanges.domain, pattern);
      await ch.consume(queue, async (msg: ConsumeMessage | null) => {
        if (!msg) return;
        try {
          await handler(JSON.parse(msg.content.toString()));
          ch.ack(msg);
        } catch {
          ch.publish(Exchanges.retry, '', msg.content, { headers: msg.properties.headers });
          ch.ack(msg);
        }
      });
    });
  }
}
