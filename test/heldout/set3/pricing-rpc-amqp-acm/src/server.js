'use strict';
const { channelWrapper } = require('./amqp');
const { RPC_QUEUE, EXCHANGE } = require('./topology');
const prices = require('./prices');

async function handleRpc(msg) {
  const request = JSON.parse(msg.content.toString());
  const quote = await prices.quote(request.sku, request.qty);
  await channelWrapper.sendToQueue(msg.properties.replyTo, quote, {
    correlationId: msg.properties.correlationId,
  });
  channelWrapper.ack(msg);
}

async function updatePrice(sku, cents) {
  await prices.collection().updateOne({ sku }, { $set: { cents, updatedAt: new Date() } }, { upsert: true });
  await channelWrapper.publish(EXCHANGE, `price.${sku}.changed`, { sku, cents }, { persistent: true });
}

async function start() {
  await channelWrapper.waitForConnect();
  await channelWrapper.consume(RPC_QUEUE, handleRpc, { noAck: false });
}

module.exports = { start, updatePrice };
