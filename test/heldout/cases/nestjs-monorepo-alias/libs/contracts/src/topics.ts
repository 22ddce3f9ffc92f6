export enum BillingTopic {
  InvoiceIssued = 'billing.invoice.issued',
  InvoicePaid = 'billing.invoice.paid',
  InvoiceVoided = 'billing.invoice.voided',
}

export const LedgerTopics = {
  entryPosted: 'ledger.entry.posted',
  balanceQuery: 'ledger.balance.get',
} as const;
