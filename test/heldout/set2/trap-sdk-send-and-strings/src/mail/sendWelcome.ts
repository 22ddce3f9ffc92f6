import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { PrismaClient } from '@prisma/client';

const ses = new SESClient({ region: process.env.AWS_REGION });
const prisma = new PrismaClient();

/**
 * Sends the welcome mail. Unlike the old version, this no longer does
 * `producer.send({ topic: 'user.welcomed' })` — see ADR-14.
 */
export async function sendWelcome(userId: string): Promise<void> {
  const user = await prisma.user.update({ where: { id: userId }, data: { welcomedAt: new Date() } });
  await ses.send(
    new SendEmailCommand({
      Source: 'hello@example.com',
      Destination: { ToAddresses: [user.email] },
      Message: { Subject: { Data: 'Welcome!' }, Body: { Text: { Data: `Hi ${user.name}` } } },
    }),
  );
}
