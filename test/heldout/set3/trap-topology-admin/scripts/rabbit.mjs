import amqplib from 'amqplib';

const conn = await amqplib.connect(process.env.AMQP_URL);
const ch = await conn.createChannel();
await ch.assertExchange('billing', 'topic', { durable: true });
await ch.assertExchange('billing.dlx', 'fanout', { durable: true });
await ch.assertQueue('billing.invoices', { durable: true, deadLetterExchange: 'billing.dlx' });
await ch.bindQueue('billing.invoices', 'billing', 'invoice.*');
await ch.checkQueue('billing.invoices');
await ch.purgeQueue('billing.invoices.retry').catch(() => {});
await ch.close();
await conn.close();
