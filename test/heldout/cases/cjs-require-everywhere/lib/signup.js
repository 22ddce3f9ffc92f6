'use strict';

const clients = require('./clients');
const { TOPICS, CHANNELS } = require('./constants');

async function signUp(user) {
  await clients.producer.send({
    topic: TOPICS.USER_SIGNED_UP,
    messages: [{ key: user.id, value: JSON.stringify(user) }],
  });
  await clients.emailQueue.add({ to: user.email, template: 'verify' }, { attempts: 3 });
}

function announce(userId) {
  return clients.redis.publish(CHANNELS.PRESENCE, JSON.stringify({ userId, online: true }));
}

module.exports = { signUp, announce };
