export const config = {
  kafka: {
    brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
    clientId: 'checkout-saga',
    topics: {
      orders: 'checkout.orders.v1',
      payments: 'payments.results.v1',
      inventory: 'inventory.reservations.v1',
      compensations: 'checkout.compensations.v1',
    },
  },
} as const;
