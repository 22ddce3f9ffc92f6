'use strict';

const { consumer, redis } = require('../lib/clients');
const { TOPICS } = require('../lib/constants');

module.exports = async function startVerifiedWorker() {
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.USER_VERIFIED, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const user = JSON.parse(message.value.toString());
      await redis.set(`verified:${user.id}`, '1');
    },
  });
};
