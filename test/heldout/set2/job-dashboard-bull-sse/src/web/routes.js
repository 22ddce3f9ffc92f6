const express = require('express');
const { reportQueue, exportQueue } = require('../jobs/queues');
const db = require('../db');

const router = express.Router();

router.post('/reports/monthly', async (req, res) => {
  const job = await reportQueue.add('monthly', { month: req.body.month }, { attempts: 2 });
  res.status(202).json({ jobId: job.id });
});

router.post('/exports', async (req, res) => {
  const [row] = await db('exports').insert({ owner: req.user.id, status: 'pending' }).returning('id');
  await exportQueue.add({ exportId: row.id });
  res.status(202).json({ id: row.id });
});

router.get('/reports/:id/progress', async (req, res) => {
  res.set({
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
  });
  res.flushHeaders();
  const timer = setInterval(async () => {
    const job = await reportQueue.getJob(req.params.id);
    res.write(`data: ${JSON.stringify({ progress: job ? await job.progress() : null })}\n\n`);
  }, 1000);
  req.on('close', () => clearInterval(timer));
});

module.exports = router;
