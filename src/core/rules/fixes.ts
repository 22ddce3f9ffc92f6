// Quick-fix builders: a fix names a scaffold and, when the service's libraries decide it, the variant.
import { rankVariants } from '../scaffolds/plan';
import { getScaffold } from '../scaffolds/registry';
import type { FindingFix } from './types';

/**
 * The scaffold's best variant for these libraries. With `mustPrefer`, only variants that prefer that
 * library qualify (the relay for a Kafka dual write must publish to Kafka). No match → no variant, and
 * the Insert Scaffold command asks.
 */
export function fixFor(scaffoldId: string, libraries: ReadonlySet<string>, options: { mustPrefer?: string; fallback?: string } = {}): FindingFix {
  const scaffold = getScaffold(scaffoldId);
  if (!scaffold) throw new Error(`rules: unknown scaffold ${scaffoldId}`);
  const { mustPrefer, fallback } = options;
  // With `mustPrefer`, every preferred library must be in use (pg + kafkajs → postgres-kafka), so a
  // half-matching variant never gets picked silently.
  const ranked = rankVariants(scaffold, libraries).filter(({ variant, matched }) => {
    const prefers = variant.prefers ?? [];
    return mustPrefer === undefined ? matched.length > 0 : prefers.includes(mustPrefer) && matched.length === prefers.length;
  });
  const best = ranked[0]?.variant ?? scaffold.variants.find((v) => v.id === fallback);
  if (!best) return { title: `Insert scaffold: ${scaffold.title}`, scaffoldId };
  return { title: `Insert scaffold: ${scaffold.title} (${best.label})`, scaffoldId, variantId: best.id };
}

/** A fix with a variant chosen by the rule itself (e.g. `nginx` for an nginx config). */
export function fixWithVariant(scaffoldId: string, variantId: string): FindingFix {
  const scaffold = getScaffold(scaffoldId);
  const variant = scaffold?.variants.find((v) => v.id === variantId);
  if (!scaffold || !variant) throw new Error(`rules: unknown scaffold variant ${scaffoldId}/${variantId}`);
  return { title: `Insert scaffold: ${scaffold.title} (${variant.label})`, scaffoldId, variantId };
}
