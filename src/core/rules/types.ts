// Findings: what a rule says about the analyzed code, in the principles' own terms. The extension shows
// them as diagnostics with quick fixes; the CLI can emit them as SARIF results. Pure data, no editor types.
import type { PrincipleId } from '../principles/types';

export type FindingSeverity = 'warning' | 'information' | 'hint';

export interface FindingFix {
  title: string;
  scaffoldId: string;
  /** The variant that matches the service's libraries; absent when none does (the user picks). */
  variantId?: string;
}

export interface RelatedLocation {
  file: string;
  root?: string;
  line: number;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: FindingSeverity;
  /** One sentence: names the topic/queue/route and the principle's reason. */
  message: string;
  /** POSIX path relative to `root` (or to the result's first root when `root` is absent). */
  file: string;
  /** Absolute analysis root holding `file`. */
  root?: string;
  /** 1-based, like detections. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  principleId: PrincipleId;
  fixes: FindingFix[];
  related?: RelatedLocation[];
}

export const RULE_IDS = [
  'dual-write',
  'ws-one-way-push',
  'socketio-no-adapter',
  'sse-no-heartbeat',
  'sse-proxy-buffering',
  'unguarded-invalidation',
  'redis-pubsub-durable',
  'consumer-not-idempotent',
  'optimistic-no-rollback',
  'orphan-channel',
  'redis-subscriber-commands',
  'ws-no-heartbeat',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** Catalog entry for SARIF `tool.driver.rules` and the docs. */
export interface RuleMeta {
  id: RuleId;
  title: string;
  principle: PrincipleId;
  /** The strongest severity the rule reports. */
  defaultSeverity: FindingSeverity;
  description: string;
}

/** Reads a workspace file: `relPath` is POSIX, relative to the absolute `root`. Undefined when absent. */
export type ReadFile = (relPath: string, root: string) => string | undefined;

/**
 * A deployment/config file the analyzer does not parse (nginx `*.conf`, Caddyfile, PM2 ecosystem,
 * docker-compose, Kubernetes manifests). The host and the CLI collect them with `collectConfigFiles`.
 */
export interface ConfigFile {
  root: string;
  /** POSIX path relative to `root`. */
  path: string;
  text: string;
}
