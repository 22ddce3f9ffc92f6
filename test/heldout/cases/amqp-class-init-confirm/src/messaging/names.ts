export const EXCHANGE_ORDERS = 'orders.topic';
export const QUEUE_PICKING = 'fulfillment.picking';
export const QUEUE_LABELS = 'fulfillment.labels';
