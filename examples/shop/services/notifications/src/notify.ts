import { TOPICS, type OrderCancelledEvent, type OrderCreatedEvent } from '../../../shared/events';
import type { BrowserNotification } from './bus';

export function toNotification(topic: string, payload: OrderCreatedEvent | OrderCancelledEvent): BrowserNotification {
  const ref = payload.orderId.slice(0, 8);
  const text = topic === TOPICS.orderCreated ? `Order ${ref} confirmed` : `Order ${ref} cancelled`;
  return {
    id: `${topic}:${payload.orderId}`,
    customerId: payload.customerId,
    orderId: payload.orderId,
    text,
    at: new Date().toISOString(),
  };
}
