'use strict';
const { randomUUID } = require('node:crypto');
const { channelWrapper } = require('./amqp');
const { RPC_QUEUE, PRICE_CHANGED_QUEUE } = require('./topology');

const pending = new Map();

async function init(onPriceChanged) {
  const { queue } = await channelWrapper.assertQueue('', { exclusive: true });
  await channelWrapper.consume(queue, (msg) => {
    const resolve = pending.get(msg.properties.correlationId);
    if (resolve) resolve(JSON.parse(msg.content.toString()));
    pending.delete(msg.properties.correlationId);
  }, { noAck: true });
  await channelWrapper.consume(PRICE_CHANGED_QUEUE, async (msg) => {
    await onPriceChanged(JSON.parse(msg.content.toString()));
    channelWrapper.ack(msg);
  });
  return queue;
}

function requestQuote(replyQueue, sku, qty) {
  const correlationId = randomUUID();
  return new Promise((resolve) => {
    pending.set(correlationId, resolve);
    channelWrapper.sendToQueue(RPC_QUEUE, { sku, qty }, { correlationId, replyTo: replyQueue });
  });
}

module.exports = { init, requestQuote };
