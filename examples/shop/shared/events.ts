// Channel names and payloads shared by every service, so producers and consumers cannot drift apart.

export const TOPICS = {
  orderCreated: 'orders.created',
  orderCancelled: 'orders.cancelled',
} as const;

export const QUEUES = {
  email: 'email',
} as const;

export const SUBJECTS = {
  notificationSent: 'notifications.sent',
} as const;

export const CHAT_EVENTS = {
  join: 'chat:join',
  message: 'chat:message',
  typing: 'chat:typing',
  presence: 'chat:presence',
} as const;

export interface OrderLine {
  sku: string;
  qty: number;
  priceCents: number;
}

export interface OrderCreatedEvent {
  orderId: string;
  customerId: string;
  totalCents: number;
  lines: OrderLine[];
  createdAt: string;
}

export interface OrderCancelledEvent {
  orderId: string;
  customerId: string;
  cancelledAt: string;
}

export interface EmailJob {
  to: string;
  template: 'order-confirmation' | 'order-cancelled';
  orderId: string;
}

export interface ChatMessage {
  room: string;
  userId: string;
  text: string;
  at: string;
}

export interface Quote {
  symbol: string;
  priceCents: number;
  at: number;
}
