// optimistic-updates: an optimistic update must (1) cancel in-flight queries first, or a refetch that
// started before the mutation lands afterwards and overwrites the optimistic value, and (2) roll back
// on error, or a failed mutation leaves the UI showing a change the server refused.
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixFor } from '../fixes';

export const optimisticNoRollbackRule: Rule = {
  meta: {
    id: 'optimistic-no-rollback',
    title: 'Optimistic update without cancelQueries or rollback',
    principle: 'optimistic-updates',
    defaultSeverity: 'warning',
    description:
      'A mutation that writes the cache in `onMutate` but does not `cancelQueries` first (an in-flight refetch overwrites the optimistic value) or has no rollback in `onError` and no invalidation in `onSettled` (a failed mutation leaves the UI wrong).',
  },
  evaluate(ctx) {
    return ctx.detections('mutation.optimistic').flatMap((d): Finding[] => {
      const src = ctx.source(d.file, d.service);
      if (!src) return [];
      const { view } = src;
      const from = view.offsetAt(d.line, d.column);
      const to = view.offsetAt(d.endLine, d.endColumn);
      const onMutate = view.propertyValue('onMutate', from, to);
      if (!onMutate) return [];
      const mutate = view.masked.slice(onMutate.start, onMutate.end);
      // Only cache writes are optimistic updates (tRPC's `utils.x.setData`, TanStack's `setQueryData`).
      if (!/\.(setQueryData|setQueriesData|setData|setInfiniteData)\s*(?:<[^()]*>)?\s*\(/.test(mutate)) return [];
      const cancels = /\.(cancelQueries|cancel)\s*\(/.test(mutate);
      const onError = view.propertyValue('onError', from, to);
      const onSettled = view.propertyValue('onSettled', from, to);
      const rollsBack =
        (onError !== undefined && /\.(setQueryData|setQueriesData|setData|setInfiniteData|invalidateQueries|invalidate|refetch\w*|resetQueries|reset)\s*(?:<[^()]*>)?\s*\(|rollback|restore/i.test(view.masked.slice(onError.start, onError.end))) ||
        (onSettled !== undefined && /\.(invalidateQueries|invalidate|refetch\w*|resetQueries|reset)\s*\(/.test(view.masked.slice(onSettled.start, onSettled.end)));
      if (cancels && rollsBack) return [];
      const missing = [cancels ? undefined : 'does not `cancelQueries` before writing the cache (an in-flight refetch overwrites the optimistic value)', rollsBack ? undefined : 'has no rollback in `onError` (a failed mutation leaves the UI showing a change the server refused)'].filter(Boolean);
      const name = d.enclosingFunction ? ` \`${d.enclosingFunction}\`` : '';
      return [
        {
          ruleId: 'optimistic-no-rollback',
          severity: 'warning',
          message: `Optimistic mutation${name} ${missing.join(' and ')}.`,
          ...ctx.spanAt(d.file, src, onMutate.start, onMutate.end),
          principleId: 'optimistic-updates',
          fixes: [fixFor('optimistic-mutation', ctx.libraries(d.service), { fallback: 'query-core' })],
          related: [{ file: d.file, root: src.root, line: d.line, message: 'the optimistic mutation' }],
        },
      ];
    });
  },
};
