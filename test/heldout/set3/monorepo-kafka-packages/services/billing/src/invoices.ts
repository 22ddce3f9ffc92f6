import pg from 'pg';
import { emitEvent } from '@acme/bus';
import { Topics } from '@acme/contracts';

const pool = new pg.Pool();

export async function issueInvoice(customerId: string, amountCents: number) {
  const { rows: [invoice] } = await pool.query(
    `INSERT INTO invoices (customer_id, amount_cents, status) VALUES ($1, $2, 'issued') RETURNING *`,
    [customerId, amountCents],
  );
  await emitEvent(Topics.InvoiceIssued, invoice.id, invoice);
  await emitEvent(Topics.MailRequested, customerId, { template: 'invoice', invoiceId: invoice.id });
  return invoice;
}

export async function markPaid(invoiceId: string) {
  await pool.query(`UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1`, [invoiceId]);
  await emitEvent(Topics.InvoicePaid, invoiceId, { invoiceId });
}
