import type { OrderLine } from '../../../shared/events';

export interface CartItem {
  sku: string;
  qty: number;
  priceCents: number;
}

export interface Cart {
  items: CartItem[];
}

export interface Order {
  id: string;
  total_cents: number;
  status: 'placed' | 'cancelled' | 'shipped';
  created_at: string;
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status}`);
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const fetchCart = () => request<Cart>('/api/cart');
export const addCartItem = (item: CartItem) =>
  request<Cart>('/api/cart/items', { method: 'POST', body: JSON.stringify(item) });

export const fetchOrders = (customerId: string) =>
  request<Order[]>(`/api/orders?customerId=${encodeURIComponent(customerId)}`);
export const placeOrder = (input: { customerId: string; email: string; lines: OrderLine[] }) =>
  request<Order>('/api/orders', { method: 'POST', body: JSON.stringify(input) });
export const cancelOrder = (orderId: string) =>
  request<void>(`/api/orders/${encodeURIComponent(orderId)}/cancel`, { method: 'POST' });
