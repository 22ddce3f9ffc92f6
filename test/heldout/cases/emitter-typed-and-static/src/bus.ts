import { EventEmitter, once } from 'node:events';
import { CartEvent } from './events';

type CartEvents = {
  [CartEvent.ItemAdded]: [{ cartId: string; sku: string }];
  [CartEvent.CheckedOut]: [{ cartId: string; total: number }];
  ready: [];
};

export const cartBus = new EventEmitter<CartEvents>({ captureRejections: true });

export async function waitUntilReady(timeoutMs: number): Promise<void> {
  await once(cartBus, 'ready', { signal: AbortSignal.timeout(timeoutMs) });
}

export function markReady(): void {
  cartBus.emit('ready');
}
