export const config = {
  kafka: {
    clientId: 'orders-pipeline',
    brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  },
  topics: {
    orders: 'orders.created',
    payments: 'payments.captured',
    shipments: 'shipments.requested',
    deadLetter: 'orders.dlq',
  },
  groups: { fulfillment: 'fulfillment-workers', billing: 'billing-workers' },
};
