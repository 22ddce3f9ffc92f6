import { Kafka } from 'kafkajs';
import { PrismaClient } from '@prisma/client';
import pino from 'pino';
import { EventEmitter } from 'node:events';

export const prisma = new PrismaClient();
export const log = pino({ name: 'loyalty' });
export const local = new EventEmitter();
export const producer = new Kafka({ clientId: 'loyalty', brokers: ['kafka:9092'] }).producer();

export const POINTS_TOPIC = 'loyalty.points';

export async function appendAudit(actor: string, action: string, detail: object): Promise<void> {
  await prisma.auditLog.create({ data: { actor, action, detail } });
}
