import { kafka } from './kafka';
import { Topic } from './topics';

const producer = kafka.producer();

export async function postTransfer(from: string, to: string, cents: number): Promise<void> {
  await producer.sendBatch({
    topicMessages: [
      { topic: Topic.Debits, messages: [{ key: from, value: JSON.stringify({ account: from, cents }) }] },
      { topic: Topic.Credits, messages: [{ key: to, value: JSON.stringify({ account: to, cents }) }] },
    ],
  });
}
