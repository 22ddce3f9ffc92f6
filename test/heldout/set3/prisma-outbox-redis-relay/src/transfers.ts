import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();

export async function transfer(from: string, to: string, amount: bigint) {
  return prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
    await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
    await tx.outboxEvent.createMany({
      data: [
        { aggregateId: from, channel: `ledger:${from}`, payload: { type: 'debited', amount: amount.toString() } },
        { aggregateId: to, channel: `ledger:${to}`, payload: { type: 'credited', amount: amount.toString() } },
      ],
    });
  });
}
