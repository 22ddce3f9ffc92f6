import amqp, { type Channel } from 'amqplib';

export const TICKETS_EXCHANGE = 'support.tickets';
let channel: Channel | undefined;

export async function useRabbit(): Promise<Channel> {
  if (channel) return channel;
  const conn = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
  channel = await conn.createChannel();
  await channel.assertExchange(TICKETS_EXCHANGE, 'topic', { durable: true });
  return channel;
}
