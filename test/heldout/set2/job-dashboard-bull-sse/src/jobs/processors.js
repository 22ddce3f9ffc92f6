const { reportQueue, exportQueue } = require('./queues');
const db = require('../db');

reportQueue.process('monthly', 2, async (job) => {
  const rows = await db('invoices').where('month', job.data.month).select();
  for (let i = 0; i < rows.length; i += 100) {
    await job.progress(Math.round((i / rows.length) * 100));
  }
  return { count: rows.length };
});

reportQueue.process('adhoc', async (job) => {
  return db.raw(job.data.sql);
});

exportQueue.process(async (job) => {
  await db('exports').where({ id: job.data.exportId }).update({ status: 'done' });
});

reportQueue.on('failed', (job, err) => console.error('report failed', job.id, err.message));
reportQueue.on('global:completed', (jobId) => console.log('report done', jobId));
