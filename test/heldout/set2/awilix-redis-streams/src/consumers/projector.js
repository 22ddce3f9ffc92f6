const { LEDGER_STREAM, GROUP } = require('../streams');

class Projector {
  constructor({ redis, db }) {
    this.redis = redis;
    this.db = db;
    this.name = `projector-${process.pid}`;
  }

  async ensureGroup() {
    try {
      await this.redis.xgroup('CREATE', LEDGER_STREAM, GROUP, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err.message).includes('BUSYGROUP')) throw err;
    }
  }

  async loop() {
    await this.ensureGroup();
    for (;;) {
      const res = await this.redis.xreadgroup('GROUP', GROUP, this.name, 'COUNT', 50, 'BLOCK', 5000, 'STREAMS', LEDGER_STREAM, '>');
      if (!res) continue;
      for (const [, entries] of res) {
        for (const [id, fields] of entries) {
          await this.db.query('UPDATE balances SET cents = cents + $2 WHERE account = $1', [fields[1], Number(fields[3])]);
          await this.redis.xack(LEDGER_STREAM, GROUP, id);
        }
      }
    }
  }

  async reclaim() {
    const [, claimed] = await this.redis.xautoclaim(LEDGER_STREAM, GROUP, this.name, 60000, '0-0', 'COUNT', 25);
    return claimed.length;
  }
}

module.exports = Projector;
