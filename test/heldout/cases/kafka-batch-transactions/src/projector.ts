import type { EachBatchPayload } from 'kafkajs';
import { kafka } from './kafka';
import { Topic } from './topics';

const consumer = kafka.consumer({ groupId: 'balance-projector', readUncommitted: false });
const producer = kafka.producer({ transactionalId: 'balance-projector-tx', maxInFlightRequests: 1, idempotent: true });
const balances = new Map<string, number>();

async function project({ batch, resolveOffset, heartbeat }: EachBatchPayload): Promise<void> {
  const tx = await producer.transaction();
  try {
    for (const message of batch.messages) {
      const { account, cents } = JSON.parse(message.value?.toString() ?? '{}') as { account: string; cents: number };
      const sign = batch.topic === Topic.Debits ? -1 : 1;
      balances.set(account, (balances.get(account) ?? 0) + sign * cents);
      await tx.send({ topic: Topic.Balances, messages: [{ key: account, value: String(balances.get(account)) }] });
      resolveOffset(message.offset);
    }
    await tx.sendOffsets({ consumerGroupId: 'balance-projector', topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: batch.lastOffset() }] }] });
    await tx.commit();
  } catch (err) {
    await tx.abort();
    await producer.send({ topic: Topic.DeadLetter, messages: [{ value: String(err) }] });
  }
  await heartbeat();
}

export async function start(): Promise<void> {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: Topic.Debits });
  await consumer.subscribe({ topic: Topic.Credits });
  await consumer.run({ eachBatchAutoResolve: false, eachBatch: project });
}
