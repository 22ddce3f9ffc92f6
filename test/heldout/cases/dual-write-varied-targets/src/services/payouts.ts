import { JSONCodec } from 'nats';
import { nats } from '../infra';
import { Payout, sequelize } from '../models/Payout';

const codec = JSONCodec();

export async function schedulePayout(sellerId: string, amountCents: number): Promise<number> {
  const nc = await nats();
  nc.publish('payouts.requested', codec.encode({ sellerId, amountCents }));
  const payout = await sequelize.transaction((t) => Payout.create({ sellerId, amountCents }, { transaction: t }));
  return payout.id;
}

export async function previewOrStore(sellerId: string, amountCents: number, preview: boolean) {
  if (preview) {
    (await nats()).publish('payouts.previewed', codec.encode({ sellerId, amountCents }));
    return null;
  }
  return Payout.create({ sellerId, amountCents });
}
