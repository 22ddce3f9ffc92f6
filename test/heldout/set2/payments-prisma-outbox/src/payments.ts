import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';

export const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function capture(orderId: string, amount: number, currency: string) {
  const intent = await stripe.paymentIntents.create({ amount, currency, confirm: true });
  return prisma.$transaction(async (tx) => {
    const payment = await tx.payment.create({
      data: { orderId, amount, currency, status: intent.status },
    });
    await tx.outboxMessage.create({
      data: { aggregateId: payment.id, topic: 'payments.captured', payload: { orderId, amount, currency } },
    });
    return payment;
  });
}
