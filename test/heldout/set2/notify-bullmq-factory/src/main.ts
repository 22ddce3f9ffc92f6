import express from 'express';
import { PrismaClient } from '@prisma/client';
import { emailQueue, pushQueue, scheduleDigests } from './queues';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.post('/notifications', async (req, res) => {
  const { userId, title, body } = req.body as { userId: string; title: string; body: string };
  const notification = await prisma.notification.create({ data: { userId, title, body } });
  const devices = await prisma.device.findMany({ where: { userId } });

  await pushQueue.addBulk(
    devices.map((d) => ({ name: 'push', data: { deviceToken: d.token, title, body } })),
  );
  res.status(201).send({ id: notification.id });
});

app.post('/invites', async (req, res) => {
  const { email, inviter } = req.body as { email: string; inviter: string };
  await emailQueue.add('invite', { to: email, template: 'invite', vars: { inviter } }, { attempts: 3 });
  res.status(202).send({ queued: true });
});

app.get('/notifications/:userId', async (req, res) => {
  res.send(await prisma.notification.findMany({ where: { userId: req.params.userId } }));
});

void scheduleDigests();
app.listen(8080);
