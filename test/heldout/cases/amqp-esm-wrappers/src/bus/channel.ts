import amqp, { type Channel } from 'amqplib';

let channelPromise: Promise<Channel> | undefined;

export function getChannel(): Promise<Channel> {
  channelPromise ??= amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost').then(async (conn) => {
    const ch = await conn.createChannel();
    await ch.assertExchange('telemetry', 'topic', { durable: true });
    await ch.assertExchange('commands', 'direct', { durable: true });
    return ch;
  });
  return channelPromise;
}

export async function publishTo(exchange: string, routingKey: string, body: unknown): Promise<boolean> {
  const ch = await getChannel();
  return ch.publish(exchange, routingKey, Buffer.from(JSON.stringify(body)), { contentType: 'application/json' });
}

export async function reading(deviceId: string, value: number): Promise<void> {
  const ch = await getChannel();
  ch.publish('telemetry', `device.${deviceId}.reading`, Buffer.from(String(value)));
}

export async function listen(queue: string, onMessage: (body: string) => void): Promise<void> {
  const ch = await getChannel();
  await ch.consume(queue, (msg) => {
    if (!msg) return;
    onMessage(msg.content.toString());
    ch.ack(msg);
  });
}
