'use strict';

const TOPICS = {
  USER_SIGNED_UP: 'user.signed-up',
  USER_VERIFIED: 'user.verified',
};

const CHANNELS = Object.freeze({
  PRESENCE: 'presence',
});

module.exports = { TOPICS, CHANNELS, QUEUE_NAME: 'signup-emails' };
