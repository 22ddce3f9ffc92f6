export const Exchanges = {
  domain: 'fulfilment.domain',
  retry: 'fulfilment.retry',
} as const;

export const RoutingKeys = {
  invoiceIssued: 'invoice.issued',
  parcelShipped: 'parcel.shipped',
} as const;
