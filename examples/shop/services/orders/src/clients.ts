import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', (err) => console.error('orders: idle pg client failed', err));

const kafka = new Kafka({
  clientId: 'orders',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  logLevel: logLevel.WARN,
});

export const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
