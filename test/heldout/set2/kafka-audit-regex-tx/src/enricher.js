import { kafka, AUDIT_TOPIC, compression } from './kafka.js';

const consumer = kafka.consumer({ groupId: 'audit-enricher', readUncommitted: false });
const producer = kafka.producer({ transactionalId: 'audit-enricher-tx', maxInFlightRequests: 1, idempotent: true });

export async function startEnricher() {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: /^svc\..+\.events$/, fromBeginning: true });

  consumer.on(consumer.events.GROUP_JOIN, (e) => console.log('joined', e.payload.groupId));

  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      const tx = await producer.transaction();
      try {
        await tx.send({
          topic: AUDIT_TOPIC,
          compression,
          messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: { source: batch.topic } })),
        });
        await tx.sendOffsets({
          consumerGroupId: 'audit-enricher',
          topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: batch.lastOffset() }] }],
        });
        await tx.commit();
      } catch (err) {
        await tx.abort();
        throw err;
      }
      for (const m of batch.messages) resolveOffset(m.offset);
      await heartbeat();
    },
  });
}
