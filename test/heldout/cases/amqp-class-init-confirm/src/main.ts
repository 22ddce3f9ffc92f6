import { OrderPublisher } from './messaging/OrderPublisher';
import { PickingConsumer } from './messaging/PickingConsumer';

const url = process.env.AMQP_URL ?? 'amqp://localhost';
const publisher = new OrderPublisher();
await publisher.init(url);

const consumer = new PickingConsumer(async ({ orderId }) => {
  await publisher.requestLabel(orderId);
  await publisher.orderPacked(orderId, 'ber-1');
});
await consumer.init(url);

process.once('SIGTERM', () => void publisher.close());
