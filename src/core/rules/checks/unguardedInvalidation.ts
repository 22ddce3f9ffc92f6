// optimistic-updates: an optimistic mutation that invalidates in onSettled/onSuccess without checking
// `queryClient.isMutating()` refetches while another mutation is in flight, and the refetched data
// overwrites that mutation's optimistic state.
import type { Detection } from '../../analysis/types';
import type { LocatedSource, RuleContext } from '../context';
import type { Finding } from '../types';
import type { Rule } from '../rule';
import { fixFor } from '../fixes';

const SETTLE_HANDLERS = ['onSettled', 'onSuccess'] as const;

export const unguardedInvalidationRule: Rule = {
  meta: {
    id: 'unguarded-invalidation',
    title: 'Optimistic mutation invalidates without an isMutating guard',
    principle: 'optimistic-updates',
    defaultSeverity: 'warning',
    description:
      'An optimistic mutation calls `invalidateQueries` in `onSettled`/`onSuccess` without a `queryClient.isMutating()` guard: with two mutations in flight, the first refetch overwrites the second one\'s optimistic state.',
  },
  evaluate(ctx) {
    return ctx.detections('mutation.optimistic').flatMap((d) => {
      const src = ctx.source(d.file, d.service);
      return src ? check(ctx, src, d) : [];
    });
  },
};

function check(ctx: RuleContext, src: LocatedSource, d: Detection): Finding[] {
  const { view } = src;
  const from = view.offsetAt(d.line, d.column);
  const to = view.offsetAt(d.endLine, d.endColumn);
  for (const handler of SETTLE_HANDLERS) {
    const value = view.propertyValue(handler, from, to);
    if (!value) continue;
    const code = view.masked.slice(value.start, value.end);
    if (/\bisMutating\s*\(/.test(code)) continue;
    const call = /\.invalidateQueries\s*\(/.exec(code);
    if (!call) continue;
    const start = value.start + call.index + 1;
    const open = value.start + call.index + call[0].length - 1;
    const close = view.match(open);
    const key = close === undefined ? undefined : queryKeyOf(view.text.slice(open + 1, close));
    const name = d.enclosingFunction ? ` \`${d.enclosingFunction}\`` : '';
    return [
      {
        ruleId: 'unguarded-invalidation',
        severity: 'warning',
        message: `Optimistic mutation${name} invalidates ${key ? `\`${key}\`` : 'its queries'} in \`${handler}\` without a \`queryClient.isMutating()\` guard: when mutations overlap, the refetch overwrites the other mutation's optimistic state.`,
        ...ctx.spanAt(d.file, src, start, close === undefined ? start + 'invalidateQueries'.length : close + 1),
        principleId: 'optimistic-updates',
        fixes: [fixFor('optimistic-mutation', ctx.libraries(d.service), { fallback: 'query-core' })],
        related: [{ file: d.file, root: src.root, line: d.line, message: 'the optimistic mutation' }],
      },
    ];
  }
  return [];
}

/** `{ queryKey: orderKeys.all }` → `orderKeys.all`; `trpc.post.list.queryFilter()` stays as written. */
function queryKeyOf(args: string): string | undefined {
  const m = /queryKey\s*:\s*([^,}\n]+)/.exec(args);
  const key = (m?.[1] ?? args).trim().replace(/\s+/g, ' ');
  return key && key.length <= 60 ? key : undefined;
}
