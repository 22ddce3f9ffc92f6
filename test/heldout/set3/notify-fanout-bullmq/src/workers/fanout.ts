import { Worker } from 'bullmq';
import { connection, emailQueue, QueueName } from '../queues/index.js';
import { db, notifications } from '../schema.js';

const userChannel = (userId: string) => `notifications:user:${userId}`;

export const fanoutWorker = new Worker(
  QueueName.Fanout,
  async (job) => {
    const { audience, template, vars } = job.data;
    const rows = await db
      .insert(notifications)
      .values(audience.map((userId: string) => ({ userId, template, vars })))
      .returning();
    for (const row of rows) {
      await connection.publish(userChannel(row.userId), JSON.stringify(row));
    }
    await emailQueue.addBulk(rows.map((row) => ({ name: 'send', data: { notificationId: row.id } })));
  },
  { connection, concurrency: 8 },
);

export const emailWorker = new Worker(QueueName.Email, async (job) => {
  const { sendMail } = await import('../mailer.js');
  await sendMail(job.data.notificationId);
}, { connection });

fanoutWorker.on('error', (err) => console.error(err));
