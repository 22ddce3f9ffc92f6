export const ORDERS_RMQ = 'ORDERS_RMQ';
export const MAIL_QUEUE = 'mail';

export const enum OrderEvents {
  Created = 'order.created',
  Refunded = 'order.refunded',
}
