import { useCancelOrder, useOrders } from '../hooks/useOrders';

export function Orders({ customerId }: { customerId: string }) {
  const orders = useOrders(customerId);
  const cancel = useCancelOrder();

  return (
    <section>
      <h2>Your orders</h2>
      <ul>
        {orders.data?.map((order) => (
          <li key={order.id}>
            {order.id.slice(0, 8)} · {order.status}
            {order.status === 'placed' && <button onClick={() => cancel.mutate(order.id)}>Cancel</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
