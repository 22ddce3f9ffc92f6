import { connect, StringCodec, type NatsConnection } from 'nats';
import { EventEmitter } from 'node:events';

export const RATES_SUBJECT = 'fx.rates';
export const rates = new EventEmitter();
const sc = StringCodec();

export async function startFeed(): Promise<NatsConnection> {
  const nc = await connect({ servers: process.env.NATS_URL });
  const sub = nc.subscribe(`${RATES_SUBJECT}.>`);
  (async () => {
    for await (const m of sub) rates.emit('rate', { pair: m.subject.slice(RATES_SUBJECT.length + 1), rate: Number(sc.decode(m.data)) });
  })().catch((err) => console.error('feed stopped', err));
  return nc;
}

export async function quote(nc: NatsConnection, pair: string): Promise<number[]> {
  const replies: number[] = [];
  const iter = await nc.requestMany(`fx.quote.${pair}`, sc.encode(''), { maxWait: 500, maxMessages: 5 });
  for await (const r of iter) replies.push(Number(sc.decode(r.data)));
  return replies;
}
