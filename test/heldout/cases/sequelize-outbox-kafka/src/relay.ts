import { Kafka } from 'kafkajs';
import { Op } from 'sequelize';
import { OutboxMessage } from './models';

const producer = new Kafka({ clientId: 'claims-relay', brokers: ['kafka:9092'] }).producer({ idempotent: true });

export async function relayOnce(): Promise<number> {
  const rows = await OutboxMessage.findAll({ where: { sentAt: { [Op.is]: null } }, order: [['id', 'ASC']], limit: 200 });
  for (const row of rows) {
    await producer.send({ topic: row.topic, messages: [{ key: row.key, value: JSON.stringify(row.payload) }] });
    await row.update({ sentAt: new Date() });
  }
  return rows.length;
}
