const { Client } = require('pg');

// Postgres LISTEN/NOTIFY keeps a cache warm; it is a database feature, not one of the broker kinds.
async function listenForPriceChanges(onChange) {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  client.on('notification', (msg) => onChange(JSON.parse(msg.payload)));
  client.on('error', (err) => console.error('listen client', err));
  await client.query('LISTEN price_changes');
}

module.exports = { listenForPriceChanges };
