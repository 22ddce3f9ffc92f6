'use strict';
const amqp = require('amqp-connection-manager');
const { setup } = require('./topology');

const connection = amqp.connect([process.env.AMQP_URL || 'amqp://localhost']);
connection.on('disconnect', ({ err }) => console.warn('amqp disconnected', err && err.message));

const channelWrapper = connection.createChannel({ json: true, setup });

module.exports = { connection, channelWrapper };
