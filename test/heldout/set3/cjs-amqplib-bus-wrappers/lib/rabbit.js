'use strict';
const amqplib = require('amqplib');

let channel;

async function connect(url) {
  const conn = await amqplib.connect(url);
  conn.on('error', (err) => console.error('[amqp]', err.message));
  channel = await conn.createConfirmChannel();
  await channel.assertExchange('warehouse', 'topic', { durable: true });
  return channel;
}

function publish(routingKey, body) {
  return channel.publish('warehouse', routingKey, Buffer.from(JSON.stringify(body)), { contentType: 'application/json' });
}

async function subscribe(queue, pattern, handler) {
  await channel.assertQueue(queue, { durable: true });
  await channel.bindQueue(queue, 'warehouse', pattern);
  return channel.consume(queue, async (msg) => {
    try {
      await handler(JSON.parse(msg.content.toString()), msg.fields.routingKey);
      channel.ack(msg);
    } catch (e) {
      channel.nack(msg, false, false);
    }
  });
}

module.exports = { connect, publish, subscribe };
