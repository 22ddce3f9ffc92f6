import { invoiceQueue, reminderQueue } from './queue';

export async function finalizeInvoice(invoiceId: string): Promise<void> {
  await invoiceQueue.add('render-pdf', { invoiceId }, { attempts: 3 });
  await invoiceQueue.add('send-email', { invoiceId }, { delay: 60_000 });
}

export async function remindLater(invoiceId: string, days: number): Promise<void> {
  await reminderQueue.add({ invoiceId }, { delay: days * 86_400_000, repeat: { cron: '0 9 * * 1' } });
}

export async function stats() {
  return { waiting: await invoiceQueue.getWaitingCount(), failed: await reminderQueue.getFailedCount() };
}
