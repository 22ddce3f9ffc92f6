import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { orderKeys } from '../hooks/useOrders';

export interface ShopNotification {
  id: string;
  orderId: string;
  text: string;
  at: string;
}

export function useNotifications(): ShopNotification[] {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<ShopNotification[]>([]);

  useEffect(() => {
    const source = new EventSource('/api/notifications/stream', { withCredentials: true });
    const onNotification = (event: MessageEvent<string>) => {
      const notification = JSON.parse(event.data) as ShopNotification;
      setItems((prev) => [notification, ...prev].slice(0, 20));
      // The order list is stale as soon as the server tells us something happened to an order.
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    };
    source.addEventListener('notification', onNotification);
    return () => {
      source.removeEventListener('notification', onNotification);
      source.close();
    };
  }, [queryClient]);

  return items;
}
