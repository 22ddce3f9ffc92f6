'use client';
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export interface Deploy { id: string; service: string; status: 'queued' | 'running' | 'done' | 'failed'; pinned?: boolean }

export const deploysKey = ['deploys'] as const;

export function useDeploys() {
  const qc = useQueryClient();
  useEffect(() => {
    const es = new EventSource('/api/deploys/stream');
    es.onmessage = (e) => {
      const d: Deploy = JSON.parse(e.data);
      qc.setQueryData<Deploy[]>(deploysKey, (old = []) => [d, ...old.filter((x) => x.id !== d.id)]);
    };
    return () => es.close();
  }, [qc]);
  return useQuery({ queryKey: deploysKey, queryFn: () => fetch('/api/deploys').then((r) => r.json() as Promise<Deploy[]>) });
}

export function usePinDeploy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetch(`/api/deploys/${id}/pin`, { method: 'POST' }),
    onMutate: async (id) => {
      await qc.cancelQueries({ queryKey: deploysKey });
      const previous = qc.getQueryData<Deploy[]>(deploysKey);
      qc.setQueryData<Deploy[]>(deploysKey, (old) => old?.map((d) => (d.id === id ? { ...d, pinned: true } : d)));
      return { previous };
    },
    onError: (_e, _id, ctx) => qc.setQueryData(deploysKey, ctx?.previous),
    onSettled: () => qc.invalidateQueries({ queryKey: deploysKey }),
  });
}

export function useRollback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetch(`/api/deploys/${id}/rollback`, { method: 'POST' }).then((r) => r.json()),
    onSuccess: () => qc.invalidateQueries({ queryKey: deploysKey }),
  });
}
