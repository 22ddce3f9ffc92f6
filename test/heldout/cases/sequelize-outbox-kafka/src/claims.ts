import { randomUUID } from 'node:crypto';
import { Claim, OutboxMessage, sequelize } from './models';

export async function fileClaim(): Promise<string> {
  const id = randomUUID();
  await sequelize.transaction(async (transaction) => {
    await Claim.create({ id, status: 'filed' }, { transaction });
    await OutboxMessage.create({ topic: 'claims.filed', key: id, payload: { id }, sentAt: null }, { transaction });
  });
  return id;
}
