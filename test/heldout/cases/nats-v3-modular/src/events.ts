import { jetstream, jetstreamManager, RetentionPolicy } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { nats } from './nats';

export async function publishPriceChanged(sku: string, price: number): Promise<void> {
  const nc = await nats();
  const js = jetstream(nc);
  await js.publish(`prices.changed.${sku}`, JSON.stringify({ sku, price }), { msgID: `${sku}:${price}` });
}

export async function setupStreams(): Promise<void> {
  const jsm = await jetstreamManager(await nats());
  await jsm.streams.add({ name: 'PRICES', subjects: ['prices.>'], retention: RetentionPolicy.Limits });
  const kv = await new Kvm(await nats()).create('price-cache');
  await kv.put('last-run', new Date().toISOString());
}

export async function followPrices(onPrice: (sku: string) => void): Promise<void> {
  const js = jetstream(await nats());
  const consumer = await js.consumers.get('PRICES', 'pricing-projector');
  const messages = await consumer.consume({ max_messages: 100 });
  for await (const m of messages) {
    onPrice(m.subject.split('.').pop() ?? '');
    m.ack();
  }
}

export async function askCompetitors(sku: string): Promise<number[]> {
  const nc = await nats();
  const prices: number[] = [];
  for await (const reply of await nc.requestMany('competitors.price', JSON.stringify({ sku }), { maxWait: 500 })) {
    prices.push(reply.json<{ price: number }>().price);
  }
  return prices;
}

export async function watchInvalidations(): Promise<void> {
  const nc = await nats();
  nc.subscribe('pricing.invalidate.*', {
    callback: (_err, msg) => console.log('invalidate', msg.subject),
  });
}
