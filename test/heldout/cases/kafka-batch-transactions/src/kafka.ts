import { Kafka } from 'kafkajs';

export const kafka = new Kafka({ clientId: 'ledger-stream', brokers: ['broker:9092'] });
