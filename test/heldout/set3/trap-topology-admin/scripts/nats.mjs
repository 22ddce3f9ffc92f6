import { connect, AckPolicy, DeliverPolicy } from 'nats';

const nc = await connect({ servers: process.env.NATS_URL });
const jsm = await nc.jetstreamManager();
await jsm.streams.add({ name: 'BILLING', subjects: ['billing.>'], max_age: 7 * 24 * 3600 * 1e9 });
await jsm.consumers.add('BILLING', { durable_name: 'ledger', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
const info = await jsm.streams.info('BILLING');
console.log(info.state.messages, 'messages');
await jsm.streams.purge('BILLING', { filter: 'billing.test.>' });
await nc.drain();
