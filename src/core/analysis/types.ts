// The analyzer's public data model. The CLI's JSON (schemaVersion 1), the extension's flow tree and the
// webview's diagrams are all views of these types, so they change only with a schema version bump.

/** Every detection kind of the contract (shared/spec/detections.md). */
export const DETECTION_KINDS = [
  'sse.endpoint',
  'sse.client',
  'ws.server',
  'ws.client',
  'ws.emit',
  'ws.on',
  'ws.adapter',
  'redis.publish',
  'redis.subscribe',
  'redis.stream.produce',
  'redis.stream.consume',
  'kafka.produce',
  'kafka.consume',
  'nats.publish',
  'nats.subscribe',
  'amqp.publish',
  'amqp.consume',
  'queue.produce',
  'queue.consume',
  'emitter.emit',
  'emitter.on',
  'trpc.subscription',
  'outbox.table',
  'outbox.relay',
  'dual_write',
  'mutation.optimistic',
  'mutation.plain',
] as const;

export type DetectionKind = (typeof DETECTION_KINDS)[number];

/** The broker (or transport) a channel lives on; flows are keyed by broker + channel name. */
export type Broker =
  | 'socket.io'
  | 'ws'
  | 'sse'
  | 'redis'
  | 'redis-stream'
  | 'kafka'
  | 'nats'
  | 'amqp'
  | 'bullmq'
  | 'emitter'
  | 'trpc'
  | 'outbox'
  | 'tanstack-query';

/** Which side of a flow a detection stands on. */
export type Role = 'producer' | 'consumer' | 'server' | 'client' | 'infra';

export interface SourceRange {
  /** 1-based line of the call token (see the spec's counting rules). */
  line: number;
  /** 1-based column. */
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Detection extends SourceRange {
  /** Stable within one analysis: `${file}:${line}:${column}:${kind}`. */
  id: string;
  kind: DetectionKind;
  /** npm package the construct comes from, e.g. `kafkajs`, `socket.io`, `@nats-io/transport-node`. */
  library: string;
  broker: Broker;
  role: Role;
  /** Resolved channel (topic, queue, subject, exchange, event, route); patterns keep `*`; null if unknown. */
  channel: string | null;
  /** True when `channel` is a pattern (template literal, wildcard subscription, regex). */
  channelIsPattern: boolean;
  /** POSIX path relative to the analysis root that holds the file. */
  file: string;
  /** Index into `AnalysisResult.roots` of that root (multi-root workspaces). */
  root: number;
  /** Name of the enclosing function/method (`OrdersService.create`), or null at module level. */
  enclosingFunction: string | null;
  /** Service name: the `name` of the nearest package.json, else the root folder's name. */
  service: string;
  /** Short human text, e.g. `producer.send({ topic: 'orders.created' })`. */
  snippet: string;
  /** AMQP `publish(exchange, routingKey)`: the routing key, matched against `bindQueue` patterns. */
  routingKey?: string | null;
}

/** One channel on one broker with every producer and consumer that matches it (wildcards honoured). */
export interface Flow {
  id: string;
  broker: Broker;
  channel: string;
  producers: string[];
  consumers: string[];
}

export type SkipReason =
  | 'too-large'
  | 'binary'
  /** Analyzing an update of the file threw: the file is left out (detail: the error) until its next change. */
  | 'analysis-error'
  | 'minified'
  | 'unreadable'
  | 'invalid-encoding'
  | 'symlink-loop'
  | 'parse-error'
  | 'too-deep'
  /** The file needed more analysis work than its size justifies (a hostile or generated file). */
  | 'budget';

export interface SkippedFile {
  file: string;
  /** Index into `AnalysisResult.roots` of the root that holds `file`. */
  root: number;
  reason: SkipReason;
  /** Human-readable detail, e.g. `1.4 MB > 1 MB cap`. */
  detail: string;
}

export interface AnalysisStats {
  filesSeen: number;
  filesParsed: number;
  bytesRead: number;
  lines: number;
  durationMs: number;
  parseMs: number;
}

export interface AnalysisResult {
  schemaVersion: 1;
  roots: string[];
  detections: Detection[];
  flows: Flow[];
  skipped: SkippedFile[];
  /** Libraries each service depends on, by service name (from package.json). */
  services: Record<string, { root: string; libraries: string[] }>;
  stats: AnalysisStats;
}

/** Options one root can set for itself (a workspace folder's own settings); unset fields fall back to the
 *  analysis-wide value. */
export interface RootOptions {
  exclude?: string[];
  maxFileBytes?: number;
}

export interface AnalysisOptions {
  /** Extra glob-like excludes on top of the defaults. */
  exclude?: string[];
  /** Per-file size cap in bytes (default 1 MB). */
  maxFileBytes?: number;
  /** Per-root overrides, index-aligned with the roots (the extension reads folder-scoped settings; the CLI
   *  has one set and leaves this out). A root's `exclude` replaces the analysis-wide one, it does not add. */
  perRoot?: RootOptions[];
  signal?: AbortSignal;
  /** Called as files are processed, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** IncrementalAnalyzer: called once the event loop is idle after an update (the analysis worker passes
   *  a minor garbage collection, see runtime/idleGc.ts). */
  collectGarbage?: () => void;
  /** The scan worker bundle for the two-thread cold scan (default: `scanWorker.js` next to the analyzer's
   *  bundle when there is one); null reads on one thread. */
  scanWorkerFile?: string | null;
  /** The persistent index cache file (see runtime/persistentCache.ts): loaded by the cold scan when valid,
   *  written by `saveCache()`. Absent: no cache. */
  cacheFile?: string;
  /** The analyzer version the cache is keyed by (default: the running bundle's hash). */
  analyzerVersion?: string;
  /** `analyze()`: told what the persistent cache gave and whether it was written (for a log line). */
  onCache?: (message: string) => void;
}
