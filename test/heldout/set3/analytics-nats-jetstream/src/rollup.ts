import { createClient } from '@clickhouse/client';
import { codec, conn, jet } from './nats.js';
import { STREAM, Subject } from './subjects.js';

const ch = createClient({ url: process.env.CLICKHOUSE_URL });

export async function runRollup() {
  const consumer = await jet().consumers.get(STREAM, 'rollup');
  while (true) {
    const batch = await consumer.fetch({ max_messages: 500, expires: 5000 });
    const rows: unknown[] = [];
    for await (const m of batch) {
      rows.push({ subject: m.subject, ...(codec.decode(m.data) as object) });
      m.ack();
    }
    if (rows.length === 0) continue;
    await ch.insert({ table: 'events_raw', values: rows, format: 'JSONEachRow' });
    conn().publish(Subject.Rollup, codec.encode({ count: rows.length, at: new Date().toISOString() }));
  }
}

export function serveQueries() {
  const sub = conn().subscribe(Subject.Query, { queue: 'query-workers' });
  (async () => {
    for await (const msg of sub) {
      const { sql } = codec.decode(msg.data) as { sql: string };
      const result = await ch.query({ query: sql, format: 'JSONEachRow' });
      msg.respond(codec.encode(await result.json()));
    }
  })();
}

export async function askTotals() {
  const reply = await conn().request(Subject.Query, codec.encode({ sql: 'SELECT count() FROM events_raw' }), { timeout: 2000 });
  return codec.decode(reply.data);
}
