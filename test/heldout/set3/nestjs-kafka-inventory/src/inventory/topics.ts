export const INVENTORY_TOPICS = {
  reserveRequested: 'orders.reserve-requested',
  reserved: 'inventory.reserved',
  rejected: 'inventory.rejected',
  restock: 'purchasing.restocked',
} as const;
