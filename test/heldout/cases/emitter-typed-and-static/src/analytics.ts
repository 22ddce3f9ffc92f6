import { cartBus, markReady } from './bus';
import { Cart } from './cart';
import { CartEvent } from './events';

const totals: number[] = [];

cartBus.addListener(CartEvent.CheckedOut, ({ total }) => totals.push(total));
cartBus.once(CartEvent.ItemAdded, ({ cartId }) => console.log('first item in', cartId));
cartBus.on('error', (err: Error) => console.error('cart bus', err));

export function trackCart(cart: Cart): () => void {
  const onChanged = (lines: unknown[]) => console.log(cart.id, lines.length);
  cart.on('changed', onChanged);
  return () => cart.off('changed', onChanged);
}

markReady();
