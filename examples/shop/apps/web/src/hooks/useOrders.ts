import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelOrder, fetchOrders, placeOrder, type Order } from '../api';
import { cartKeys } from './useCart';

export const orderKeys = { all: ['orders'] as const };

export function useOrders(customerId: string) {
  return useQuery({ queryKey: orderKeys.all, queryFn: () => fetchOrders(customerId) });
}

export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: placeOrder,
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: cartKeys.all });
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['orders', 'cancel'],
    mutationFn: cancelOrder,
    onMutate: async (orderId: string) => {
      await queryClient.cancelQueries({ queryKey: orderKeys.all });
      const previous = queryClient.getQueryData<Order[]>(orderKeys.all);
      queryClient.setQueryData<Order[]>(orderKeys.all, (old) =>
        old?.map((order) => (order.id === orderId ? { ...order, status: 'cancelled' as const } : order)),
      );
      return { previous };
    },
    onError: (_err, _orderId, context) => {
      queryClient.setQueryData(orderKeys.all, context?.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}
