export const ORDER_TOPICS = ['orders.created', 'orders.shipped'] as const;
export const AUDIT_TOPIC = 'audit.events';
