'use strict';
const bus = require('./lib/rabbit');
const stock = require('./handlers/stock');

async function main() {
  await bus.connect(process.env.AMQP_URL);
  await bus.subscribe('warehouse.inbound', 'dock.*.unloaded', (body) => stock.receive(body));
  await bus.subscribe('warehouse.picking', 'order.#', (body, key) => key.endsWith('.allocated') && stock.pick(body));
  await bus.subscribe('warehouse.audit', '#', async (body, key) => console.log(key, body));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
