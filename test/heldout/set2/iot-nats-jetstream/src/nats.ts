import { connect, JSONCodec, type NatsConnection } from 'nats';
import { STREAM, Subject } from './subjects.js';

export const jc = JSONCodec();

export async function openNats(): Promise<NatsConnection> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222', name: 'telemetry-ingest' });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: STREAM, subjects: [`${Subject.Readings}.>`, Subject.Alerts] });
  await jsm.consumers.add(STREAM, { durable_name: 'influx-writer', ack_policy: 'explicit' as never });
  return nc;
}
