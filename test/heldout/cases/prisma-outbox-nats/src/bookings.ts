import { prisma } from './prisma';

export async function book(roomId: string, guest: string) {
  const [booking] = await prisma.$transaction(async (tx) => {
    const created = await tx.booking.create({ data: { roomId, guest } });
    await tx.outbox.create({ data: { aggregateId: created.id, subject: 'bookings.created', payload: { roomId, guest } } });
    return [created];
  });
  return booking;
}
