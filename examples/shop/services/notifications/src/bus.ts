import { EventEmitter } from 'node:events';

export interface BrowserNotification {
  id: string;
  customerId: string;
  orderId: string;
  text: string;
  at: string;
}

export const NOTIFICATION_EVENT = 'notification';

// One process-wide bus: the Kafka consumer emits, every open browser stream listens.
export const notificationBus = new EventEmitter();
notificationBus.setMaxListeners(0);
