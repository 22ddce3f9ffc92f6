// Public API of the quick fixes that edit code: planFix(finding, context) → the change set that makes the
// finding's diagnostic go away, or a reason it cannot. The host turns the set into one WorkspaceEdit; the
// CLI and the tests apply it to disk.
import path from 'node:path';
import type { Finding } from '../rules/types';
import type { ChangeSet } from '../placement/changes';
import { serviceRootOf } from '../placement/project';
import { planDualWriteFix, offsetOf, type FixContext } from './dualWriteFix';
import { addDependencies, addHeartbeat, guardInvalidation, unbufferLocation, wireRedisAdapter } from './inPlaceFixes';
import { RewriteRefused } from './transactionRewrite';

export type { FixContext } from './dualWriteFix';
export { RewriteRefused } from './transactionRewrite';

export type PlannedFix = { ok: true; set: ChangeSet } | { ok: false; reason: string };

/** Titles of the code-editing fix of each rule (shown in the lightbulb before the scaffold fixes). */
export const FIX_TITLES: Partial<Record<Finding['ruleId'], string>> = {
  'dual-write': 'Write the event to an outbox in the same transaction (adds the relay)',
  'sse-no-heartbeat': 'Add a heartbeat to this SSE stream',
  'unguarded-invalidation': 'Guard the invalidation with queryClient.isMutating()',
  'socketio-no-adapter': 'Wire the Redis adapter into this socket.io server',
  'sse-proxy-buffering': 'Turn proxy buffering off in this location',
};

export function planFix(finding: Finding, ctx: FixContext): PlannedFix {
  try {
    const set = plan(finding, ctx);
    return set ? { ok: true, set } : { ok: false, reason: `No code fix for ${finding.ruleId}; insert the scaffold instead.` };
  } catch (error) {
    if (error instanceof RewriteRefused) return { ok: false, reason: error.message };
    throw error;
  }
}

function plan(finding: Finding, ctx: FixContext): ChangeSet | undefined {
  const root = finding.root ?? ctx.result.roots[0];
  if (!root) return undefined;
  const abs = path.join(root, finding.file);
  const title = FIX_TITLES[finding.ruleId];
  if (finding.ruleId === 'dual-write') return planDualWriteFix(finding, ctx);
  if (!title) return undefined;
  const text = ctx.fs.read(abs);
  if (text === undefined) throw new RewriteRefused(`${finding.file} cannot be read.`);
  const at = offsetOf(text, finding.line, finding.column);
  const edit = (after: string): ChangeSet => ({
    title,
    changes: after === text ? [] : [{ kind: 'edit', path: abs, before: text, after }],
    notes: [],
    focus: { path: abs, line: finding.line },
  });
  switch (finding.ruleId) {
    case 'sse-no-heartbeat':
      return edit(addHeartbeat(abs, text, at));
    case 'unguarded-invalidation':
      return edit(guardInvalidation(abs, text, at));
    case 'sse-proxy-buffering':
      return edit(unbufferLocation(text, at));
    case 'socketio-no-adapter': {
      const wired = wireRedisAdapter(abs, text, at);
      const manifestPath = path.join(serviceRootOf(ctx.fs, abs, root), 'package.json');
      const manifest = ctx.fs.read(manifestPath);
      const set = edit(wired.text);
      if (manifest !== undefined) {
        const after = addDependencies(manifest, wired.packages);
        if (after !== manifest) set.changes.push({ kind: 'edit', path: manifestPath, before: manifest, after });
      }
      set.notes.push(`Install: npm install ${Object.keys(wired.packages).join(' ')}; set REDIS_URL for every instance.`);
      return set;
    }
    default:
      return undefined;
  }
}
