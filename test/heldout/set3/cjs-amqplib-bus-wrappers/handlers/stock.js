'use strict';
const bus = require('../lib/rabbit');
const db = require('../lib/db');

module.exports = {
  async receive({ sku, qty, dock }) {
    await db.execute('UPDATE stock SET on_hand = on_hand + ? WHERE sku = ?', [qty, sku]);
    bus.publish('stock.received', { sku, qty, dock });
  },

  async pick({ sku, qty, orderId }) {
    const [result] = await db.execute('UPDATE stock SET on_hand = on_hand - ? WHERE sku = ? AND on_hand >= ?', [qty, sku, qty]);
    if (result.affectedRows === 0) {
      return bus.publish('stock.shortage', { sku, orderId });
    }
    return { ok: true };
  },
};
