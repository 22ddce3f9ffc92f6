import { AckPolicy, RetentionPolicy } from 'nats';
import { initNats } from './nats.js';
import { STREAM } from './subjects.js';

export async function bootstrap() {
  const { nc } = await initNats();
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: STREAM, subjects: ['analytics.events.>'], retention: RetentionPolicy.Limits });
  await jsm.consumers.add(STREAM, { durable_name: 'rollup', ack_policy: AckPolicy.Explicit, filter_subject: 'analytics.events.>' });
}
