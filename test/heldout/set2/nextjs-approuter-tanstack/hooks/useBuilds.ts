'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export interface Build { id: string; repo: string; ref: string; status: string; pinned?: boolean }

export function useBuilds() {
  return useQuery({ queryKey: ['builds'], queryFn: () => fetch('/api/builds/list').then((r) => r.json() as Promise<Build[]>) });
}

export function useTriggerBuild() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { repo: string; ref: string }) =>
      fetch('/api/builds', { method: 'POST', body: JSON.stringify(input) }).then((r) => r.json()),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['builds'] }),
  });
}

export function usePinBuild() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetch(`/api/builds/${id}/pin`, { method: 'PUT' }),
    onMutate: async (id) => {
      await qc.cancelQueries({ queryKey: ['builds'] });
      const previous = qc.getQueryData<Build[]>(['builds']);
      qc.setQueryData<Build[]>(['builds'], (old) => old?.map((b) => (b.id === id ? { ...b, pinned: true } : b)));
      return { previous };
    },
    onError: (_err, _id, ctx) => qc.setQueryData(['builds'], ctx?.previous),
  });
}
