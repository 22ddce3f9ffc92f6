'use strict';

const { Kafka } = require('kafkajs');
const Redis = require('ioredis');
const Queue = require('bull');
const { QUEUE_NAME } = require('./constants');

const kafka = new Kafka({ clientId: 'legacy-signup', brokers: [process.env.KAFKA || 'localhost:9092'] });

exports.producer = kafka.producer();
exports.consumer = kafka.consumer({ groupId: 'legacy-signup' });
exports.redis = new Redis(process.env.REDIS_URL);
exports.emailQueue = new Queue(QUEUE_NAME, process.env.REDIS_URL);
