import { CompressionTypes, Kafka, type Message } from 'kafkajs';

const kafka = new Kafka({ clientId: 'catalog', brokers: ['kafka-1:9092', 'kafka-2:9092'] });
export const producer = kafka.producer({ allowAutoTopicCreation: false });

const encode = (payload: unknown): Message => ({ value: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

export const sendJson = async (topic: string, payload: unknown, key?: string) =>
  producer.send({ topic, compression: CompressionTypes.GZIP, messages: [{ ...encode(payload), key }] });

export function emitProductEvent(kind: string, productId: string, payload: unknown) {
  return sendJson('catalog.product.' + kind, payload, productId);
}

export function emitPriceEvent(currency: string, payload: unknown) {
  return sendJson(`catalog.price.${currency.toLowerCase()}`, payload);
}
