'use strict';

const EXCHANGE = 'catalog.events';
const RPC_QUEUE = 'pricing.rpc';
const PRICE_CHANGED_QUEUE = 'pricing.price-changed';

async function setup(channel) {
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
  await channel.assertQueue(RPC_QUEUE, { durable: false });
  await channel.assertQueue(PRICE_CHANGED_QUEUE, { durable: true });
  await channel.bindQueue(PRICE_CHANGED_QUEUE, EXCHANGE, 'price.*.changed');
  await channel.prefetch(20);
}

module.exports = { EXCHANGE, RPC_QUEUE, PRICE_CHANGED_QUEUE, setup };
