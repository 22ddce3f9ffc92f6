export interface InvoiceIssuedEvent {
  invoiceId: string;
  customerId: string;
  amountCents: number;
}
