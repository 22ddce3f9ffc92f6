import { Kafka, CompressionTypes } from 'kafkajs';

export const kafka = new Kafka({
  clientId: 'audit-sink',
  brokers: process.env.KAFKA_BROKERS.split(','),
  ssl: true,
  sasl: { mechanism: 'scram-sha-512', username: process.env.KAFKA_USER, password: process.env.KAFKA_PASS },
});

export const AUDIT_TOPIC = 'audit.enriched';
export const compression = CompressionTypes.GZIP;
