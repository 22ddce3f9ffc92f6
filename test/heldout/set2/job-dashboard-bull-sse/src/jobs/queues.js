const Queue = require('bull');

const REDIS = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const reportQueue = new Queue('reports', REDIS, { defaultJobOptions: { removeOnComplete: 100 } });
const exportQueue = new Queue('exports', REDIS);

module.exports = { reportQueue, exportQueue };
