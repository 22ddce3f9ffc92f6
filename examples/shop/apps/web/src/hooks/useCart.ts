import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addCartItem, fetchCart, type Cart, type CartItem } from '../api';

export const cartKeys = { all: ['cart'] as const };

export function useCart() {
  return useQuery({ queryKey: cartKeys.all, queryFn: fetchCart });
}

export function useAddToCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['cart', 'add'],
    mutationFn: (item: CartItem) => addCartItem(item),
    onMutate: async (item) => {
      await queryClient.cancelQueries({ queryKey: cartKeys.all });
      const previous = queryClient.getQueryData<Cart>(cartKeys.all);
      queryClient.setQueryData<Cart>(cartKeys.all, (old) => ({ items: [...(old?.items ?? []), item] }));
      return { previous };
    },
    onError: (_err, _item, context) => {
      if (context?.previous) queryClient.setQueryData(cartKeys.all, context.previous);
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: ['cart'] }) === 1) {
        void queryClient.invalidateQueries({ queryKey: cartKeys.all });
      }
    },
  });
}
