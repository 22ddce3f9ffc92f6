export const Topics = {
  OrderPlaced: 'storefront.order.placed',
  OrderCancelled: 'storefront.order.cancelled',
  StockReserved: 'storefront.stock.reserved',
  StockCheck: 'storefront.stock.check',
} as const;

export const KAFKA_CLIENT = 'KAFKA_CLIENT';
