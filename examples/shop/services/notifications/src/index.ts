import cookieParser from 'cookie-parser';
import express from 'express';
import { Kafka } from 'kafkajs';
import { JSONCodec, connect } from 'nats';
import { SUBJECTS, TOPICS, type OrderCancelledEvent, type OrderCreatedEvent } from '../../../shared/events';
import { NOTIFICATION_EVENT, notificationBus } from './bus';
import { toNotification } from './notify';
import { mountNotificationStream } from './stream';

const app = express();
app.use(cookieParser(process.env.COOKIE_SECRET));
mountNotificationStream(app);

const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222', name: 'notifications' });
const json = JSONCodec();

const kafka = new Kafka({
  clientId: 'notifications',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
});
const consumer = kafka.consumer({ groupId: 'notifications' });

await consumer.connect();
await consumer.subscribe({ topic: TOPICS.orderCreated });
await consumer.subscribe({ topic: TOPICS.orderCancelled });

await consumer.run({
  eachMessage: async ({ topic, message }) => {
    if (!message.value) return;
    const payload = JSON.parse(message.value.toString()) as OrderCreatedEvent | OrderCancelledEvent;
    const notification = toNotification(topic, payload);

    notificationBus.emit(NOTIFICATION_EVENT, notification);
    nc.publish(SUBJECTS.notificationSent, json.encode({ id: notification.id, customerId: notification.customerId }));
  },
});

const server = app.listen(Number(process.env.PORT ?? 4002), () => {
  console.log('notifications listening');
});

process.on('SIGTERM', async () => {
  server.close();
  await consumer.disconnect();
  await nc.drain();
});
