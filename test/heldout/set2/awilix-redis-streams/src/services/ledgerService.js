const { LEDGER_STREAM, AUDIT_STREAM } = require('../streams');

class LedgerService {
  constructor({ redis, db }) {
    this.redis = redis;
    this.db = db;
  }

  async post(entry) {
    await this.db.query('INSERT INTO ledger_entries (account, amount_cents) VALUES ($1, $2)', [entry.account, entry.amountCents]);
    const id = await this.redis.xadd(LEDGER_STREAM, 'MAXLEN', '~', 100000, '*', 'account', entry.account, 'amount', String(entry.amountCents));
    return id;
  }

  async audit(actor, action) {
    await this.redis.call('XADD', AUDIT_STREAM, '*', 'actor', actor, 'action', action);
  }

  async trim() {
    await this.redis.xtrim(LEDGER_STREAM, 'MAXLEN', 50000);
  }
}

module.exports = LedgerService;
