import amqp from 'amqplib';
import { MeiliSearch } from 'meilisearch';

const EXCHANGE = 'catalog.changes';
const meili = new MeiliSearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_KEY });

export async function startIndexer(): Promise<void> {
  const conn = await amqp.connect(process.env.AMQP_URL!);
  const ch = await conn.createChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true });

  const { queue: upserts } = await ch.assertQueue('search.upserts', { durable: true });
  await ch.bindQueue(upserts, EXCHANGE, 'product.*.updated');
  await ch.bindQueue(upserts, EXCHANGE, 'product.#');
  await ch.prefetch(20);

  await ch.consume(upserts, async (msg) => {
    if (!msg) return;
    const doc = JSON.parse(msg.content.toString());
    await meili.index('products').addDocuments([doc]);
    ch.ack(msg);
  }, { noAck: false });

  await ch.consume('search.deletes', (msg) => {
    if (!msg) return;
    void meili.index('products').deleteDocument(msg.content.toString());
    ch.ack(msg);
  });
}

export async function emitProductChange(sku: string, category: string, body: unknown): Promise<boolean> {
  const conn = await amqp.connect(process.env.AMQP_URL!);
  const ch = await conn.createChannel();
  return ch.publish(EXCHANGE, `product.${category}.updated`, Buffer.from(JSON.stringify({ sku, ...(body as object) })));
}
