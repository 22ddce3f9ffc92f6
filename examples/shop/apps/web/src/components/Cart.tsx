import { useAddToCart, useCart } from '../hooks/useCart';
import { usePlaceOrder } from '../hooks/useOrders';
import { usePrices } from '../realtime/usePrices';

const CATALOG = ['kettle-1l', 'espresso-pro', 'grinder-x', 'mug-set'];
const formatCents = (cents: number) => `€${(cents / 100).toFixed(2)}`;

export function Cart({ customerId, email }: { customerId: string; email: string }) {
  const cart = useCart();
  const prices = usePrices();
  const addToCart = useAddToCart();
  const placeOrder = usePlaceOrder();
  const items = cart.data?.items ?? [];

  return (
    <section>
      <h2>Products</h2>
      <ul>
        {CATALOG.map((sku) => (
          <li key={sku}>
            {sku} {prices[sku] !== undefined ? formatCents(prices[sku]) : '…'}
            <button onClick={() => addToCart.mutate({ sku, qty: 1, priceCents: prices[sku] ?? 0 })}>Add</button>
          </li>
        ))}
      </ul>
      <h2>Cart ({items.length})</h2>
      <button
        disabled={items.length === 0 || placeOrder.isPending}
        onClick={() => placeOrder.mutate({ customerId, email, lines: items })}
      >
        Place order
      </button>
    </section>
  );
}
