import { createClient } from 'redis';
import { knex, OUTBOX } from './db';

const redis = createClient({ url: process.env.REDIS_URL });

export async function relay(): Promise<void> {
  await redis.connect();
  for (;;) {
    const published = await knex.transaction(async (trx) => {
      const rows = await trx(OUTBOX)
        .whereNull('published_at')
        .orderBy('id')
        .limit(100)
        .forUpdate()
        .skipLocked();
      for (const row of rows) {
        await redis.xAdd(row.stream, '*', row.fields as Record<string, string>);
      }
      await trx(OUTBOX).whereIn('id', rows.map((r) => r.id)).update({ published_at: trx.fn.now() });
      return rows.length;
    });
    if (!published) await new Promise((r) => setTimeout(r, 300));
  }
}
