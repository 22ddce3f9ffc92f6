import { invoiceQueue, reminderQueue } from './queue';

invoiceQueue.process('render-pdf', 4, async (job) => {
  await job.progress(10);
  return { url: `/pdf/${job.data.invoiceId}.pdf` };
});

invoiceQueue.process('send-email', async (job) => {
  console.log('emailing invoice', job.data.invoiceId);
});

reminderQueue.process(async (job) => {
  console.log('reminder', job.id);
});

invoiceQueue.on('stalled', (job) => console.warn('stalled', job.id));
