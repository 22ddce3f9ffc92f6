'use strict';
const { QUEUES, getChannel } = require('../lib/amqp');

async function geocode(address) {
  const r = await fetch('https://geo.example.com/v1?q=' + encodeURIComponent(address));
  return r.json();
}

getChannel().then((ch) => {
  ch.prefetch(10);
  ch.consume(QUEUES.geocode, async (msg) => {
    const job = JSON.parse(msg.content.toString());
    const point = await geocode(job.address);
    ch.sendToQueue(QUEUES.assigned, Buffer.from(JSON.stringify({ ...job, point })));
    ch.ack(msg);
  });
});
