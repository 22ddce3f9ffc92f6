export const Topics = {
  InvoiceIssued: 'billing.invoice-issued',
  InvoicePaid: 'billing.invoice-paid',
  MailRequested: 'mailer.mail-requested',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];
