import Redis from 'ioredis';
import { prisma } from './transfers';

const redis = new Redis(process.env.REDIS_URL!);

export async function drainOutbox() {
  const batch = await prisma.outboxEvent.findMany({
    where: { publishedAt: null, attempts: { lt: 10 } },
    orderBy: { id: 'asc' },
    take: 200,
  });
  for (const event of batch) {
    try {
      await redis.publish(event.channel, JSON.stringify(event.payload));
      await prisma.outboxEvent.update({ where: { id: event.id }, data: { publishedAt: new Date() } });
    } catch {
      await prisma.outboxEvent.update({ where: { id: event.id }, data: { attempts: { increment: 1 } } });
    }
  }
}
