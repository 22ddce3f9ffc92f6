const Redis = require('ioredis');
const { AUDIT_STREAM } = require('./streams');

async function tailAudit() {
  const redis = new Redis(process.env.REDIS_URL);
  let last = '$';
  for (;;) {
    const res = await redis.xread('BLOCK', 0, 'STREAMS', AUDIT_STREAM, last);
    for (const [, entries] of res) {
      for (const [id, fields] of entries) {
        last = id;
        console.log(id, fields.join(' '));
      }
    }
  }
}

module.exports = { tailAudit };
