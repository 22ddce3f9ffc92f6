import { AckPolicy, JSONCodec, StringCodec, type NatsConnection } from 'nats';
import { Subject } from './subjects';

const json = JSONCodec<{ device: string; value: number }>();
const text = StringCodec();

export async function* telemetry(nc: NatsConnection): AsyncGenerator<{ device: string; value: number }> {
  const sub = nc.subscribe(Subject.Telemetry, { queue: 'bridge' });
  try {
    for await (const msg of sub) yield json.decode(msg.data);
  } finally {
    sub.unsubscribe();
  }
}

export async function* durableAlerts(nc: NatsConnection, batch = 50) {
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('ALERTS', { durable_name: 'bridge', ack_policy: AckPolicy.Explicit });
  const consumer = await nc.jetstream().consumers.get('ALERTS', 'bridge');
  while (true) {
    const messages = await consumer.fetch({ max_messages: batch, expires: 5_000 });
    for await (const m of messages) {
      yield text.decode(m.data);
      m.ack();
    }
  }
}

export async function* clockTicks(nc: NatsConnection, every: number) {
  for (;;) {
    const reply = await nc.request(Subject.Clock, text.encode(''), { timeout: 1_000 });
    yield text.decode(reply.data);
    await new Promise((r) => setTimeout(r, every));
  }
}
