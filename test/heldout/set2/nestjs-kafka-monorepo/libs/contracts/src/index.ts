export * from './topics';
export interface OrderPlacedEvent { orderId: string; lines: { sku: string; qty: number }[] }
