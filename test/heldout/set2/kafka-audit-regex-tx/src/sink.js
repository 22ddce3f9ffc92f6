import { Client } from '@elastic/elasticsearch';
import { kafka, AUDIT_TOPIC } from './kafka.js';

const es = new Client({ node: process.env.ES_URL });
const consumer = kafka.consumer({ groupId: 'audit-es-sink' });

export async function startSink() {
  await consumer.connect();
  await consumer.subscribe({ topic: AUDIT_TOPIC });
  await consumer.run({
    eachMessage: async ({ message }) => {
      await es.index({ index: 'audit', document: JSON.parse(message.value.toString()) });
    },
  });
  consumer.on('consumer.crash', ({ payload }) => console.error('sink crashed', payload.error));
}

process.on('SIGTERM', async () => {
  await consumer.disconnect();
  process.exit(0);
});
