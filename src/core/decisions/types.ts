// Decision trees are plain data: a question node offers answers, each answer leads to another node, and
// every path ends in a leaf that recommends one principle (and, where one exists, a scaffold to insert).
// The webview steps through them; the tests prove they are acyclic, complete and grounded in the seed.
import type { PrincipleId } from '../principles/types';

/**
 * Scaffold ids a leaf may offer: ids of the scaffold library (src/core/scaffolds/registry.ts); a test
 * checks each against it, with the variant a leaf names.
 */
export const DECISION_SCAFFOLD_IDS = [
  'sse-endpoint',
  'trpc-sse-subscription',
  'sse-reverse-proxy',
  'sse-query-invalidation',
  'socketio-redis-adapter',
  'ws-redis-fanout',
  'outbox-table',
  'outbox-relay',
  'idempotent-consumer',
  'optimistic-mutation',
  'cqrs-level-1',
  'event-sourced-aggregate',
] as const;
export type DecisionScaffoldId = (typeof DECISION_SCAFFOLD_IDS)[number];

export const DECISION_TREE_IDS = [
  'server-push-transport',
  'broker-choice',
  'event-sourcing-need',
  'cqrs-level',
  'publish-after-write',
  'mutation-ui-update',
] as const;
export type DecisionTreeId = (typeof DECISION_TREE_IDS)[number];

/**
 * Why a node says what it says: a verbatim fragment of one principle's What/Why/When/When-not text
 * (backticks as in the catalog). The tests check that the fragment really is in that principle.
 */
export interface Grounding {
  principle: PrincipleId;
  quote: string;
}

export interface DecisionAnswer<K extends string = string> {
  label: string;
  /** Examples or a hint shown under the label. */
  detail?: string;
  next: K;
}

export interface QuestionNode<K extends string = string> {
  kind: 'question';
  prompt: string;
  help?: string;
  grounding: Grounding;
  answers: readonly DecisionAnswer<K>[];
}

export interface LeafNode {
  kind: 'leaf';
  /** The recommendation in a few words, e.g. "Use SSE behind NGINX". */
  title: string;
  recommendation: string;
  /** Follow-ups and caveats (proxy settings, idempotency…). */
  notes: readonly string[];
  /** The principle this recommendation comes from. */
  principle: PrincipleId;
  grounding: Grounding;
  scaffoldId?: DecisionScaffoldId;
  /** A variant of that scaffold, when the path already decided it (e.g. `nginx` vs `caddy`). */
  variantId?: string;
  /** Trees worth walking next (e.g. the outbox after choosing a durable broker). */
  seeAlso?: readonly DecisionTreeId[];
}

export type DecisionNode<K extends string = string> = QuestionNode<K> | LeafNode;

export interface DecisionTree<K extends string = string> {
  id: DecisionTreeId;
  /** The question the whole tree answers, e.g. "Which transport for server push?". */
  title: string;
  description: string;
  /** Principles the tree draws on; the principle page links to every tree that lists it. */
  principles: readonly PrincipleId[];
  root: K;
  nodes: Readonly<Record<K, DecisionNode<K>>>;
}

/**
 * Identity function that makes the compiler check every `next` against the tree's own node keys, so a
 * dangling edge is a type error before it is a test failure.
 */
export function defineTree<K extends string>(tree: DecisionTree<K>): DecisionTree {
  return tree as unknown as DecisionTree;
}
