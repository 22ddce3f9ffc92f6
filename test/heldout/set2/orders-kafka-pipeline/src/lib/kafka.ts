import { Kafka, logLevel, type Producer } from 'kafkajs';
import { config } from '../config.js';

export function createKafka(): Kafka {
  return new Kafka({ ...config.kafka, logLevel: logLevel.WARN });
}

let producer: Producer | undefined;

export async function getProducer(): Promise<Producer> {
  if (!producer) {
    producer = createKafka().producer({ idempotent: true });
    await producer.connect();
  }
  return producer;
}

export async function publishJson(topic: string, key: string, value: unknown): Promise<void> {
  const p = await getProducer();
  await p.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
}
