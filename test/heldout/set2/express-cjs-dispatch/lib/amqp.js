'use strict';
const amqp = require('amqplib');

const QUEUES = {
  geocode: 'dispatch.geocode',
  assigned: 'dispatch.assigned',
};

let channelPromise;

function getChannel() {
  if (!channelPromise) {
    channelPromise = amqp.connect(process.env.AMQP_URL).then(async (conn) => {
      conn.on('error', (err) => console.error('amqp connection error', err));
      const ch = await conn.createChannel();
      await ch.assertQueue(QUEUES.geocode, { durable: true });
      await ch.assertQueue(QUEUES.assigned, { durable: true });
      return ch;
    });
  }
  return channelPromise;
}

async function sendJson(queue, payload) {
  const ch = await getChannel();
  return ch.sendToQueue(queue, Buffer.from(JSON.stringify(payload)), { persistent: true });
}

module.exports = { QUEUES, getChannel, sendJson };
