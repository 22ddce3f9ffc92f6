// Event-sourced aggregate on PostgreSQL: an append-only events table whose (stream_id, version) primary
// key is the optimistic-concurrency check, a tiny event store, and one example aggregate (decide/evolve).
import type { Template } from '../template';

export const eventsTableSource: Template = (s) => `-- Event store (PostgreSQL). Append-only: the primary key (stream_id, version) makes two writers that
-- read the same version conflict, and the trigger refuses UPDATE and DELETE.
CREATE TABLE IF NOT EXISTS ${s('table')} (
  global_position BIGSERIAL UNIQUE,
  stream_id       TEXT NOT NULL,
  version         INTEGER NOT NULL CHECK (version > 0),
  event_type      TEXT NOT NULL,
  payload         JSONB NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, version)
);

CREATE OR REPLACE FUNCTION ${s('table')}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '${s('table')} is append-only (% refused)', TG_OP;
END;
$$;

DROP TRIGGER IF EXISTS ${s('table')}_append_only ON ${s('table')};
CREATE TRIGGER ${s('table')}_append_only
  BEFORE UPDATE OR DELETE ON ${s('table')}
  FOR EACH ROW EXECUTE FUNCTION ${s('table')}_append_only();
`;

export const eventStoreSource: Template = (s) => `// Minimal PostgreSQL event store: read a stream, append with an expected version.
import pg from 'pg';

export const EVENTS_TABLE = '${s('table')}';

export interface NewEvent {
  type: string;
  data: unknown;
}

export interface RecordedEvent {
  type: string;
  data: unknown;
  version: number;
  recordedAt: Date;
}

/** Another writer appended to the stream since it was read: reload, decide again, or report a conflict. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super('Stream ' + streamId + ' is no longer at version ' + expectedVersion);
    this.name = 'ConcurrencyError';
  }
}

const UNIQUE_VIOLATION = '23505';

export async function readStream(db: pg.Pool | pg.ClientBase, streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
  const { rows } = await db.query<{ event_type: string; payload: unknown; version: number; recorded_at: Date }>(
    'SELECT event_type, payload, version, recorded_at FROM ${s('table')} WHERE stream_id = $1 ORDER BY version',
    [streamId],
  );
  const events = rows.map((r) => ({ type: r.event_type, data: r.payload, version: r.version, recordedAt: r.recorded_at }));
  return { version: events.length === 0 ? 0 : (events[events.length - 1]?.version ?? 0), events };
}

/**
 * Appends events after expectedVersion (0 for a new stream) and returns the new version. Two writers that
 * read the same version both try to insert version + 1: the primary key lets exactly one commit.
 */
export async function appendToStream(pool: pg.Pool, streamId: string, expectedVersion: number, events: NewEvent[]): Promise<number> {
  if (events.length === 0) return expectedVersion;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Refuses a stale or a future expected version. Two writers can both pass this check at the same
    // version; the primary key then lets only the first insert of version + 1 commit.
    const head = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM ${s('table')} WHERE stream_id = $1', [streamId]);
    if (head.rows[0]?.v !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion);
    let version = expectedVersion;
    for (const event of events) {
      version += 1;
      await client.query(
        'INSERT INTO ${s('table')} (stream_id, version, event_type, payload) VALUES ($1, $2, $3, $4)',
        [streamId, version, event.type, JSON.stringify(event.data ?? null)],
      );
    }
    await client.query('COMMIT');
    return version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (isUniqueViolation(error)) throw new ConcurrencyError(streamId, expectedVersion);
    throw error;
  } finally {
    client.release();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;
}
`;

export const aggregateSource: Template = (s) => `// ${s('aggregate')}: an event-sourced aggregate. decide() checks a command against the current state
// and returns new events; evolve() folds events into state. State is never stored, only events.
import pg from 'pg';
import { appendToStream, readStream, type NewEvent } from './eventStore.js';

export type ${s('aggregate')}Event =
  | { type: 'Opened'; owner: string }
  | { type: 'Deposited'; amount: number }
  | { type: 'Withdrawn'; amount: number };

export type ${s('aggregate')}Command =
  | { kind: 'Open'; owner: string }
  | { kind: 'Deposit'; amount: number }
  | { kind: 'Withdraw'; amount: number };

export interface ${s('aggregate')}State {
  opened: boolean;
  owner: string;
  balance: number;
}

export const initial${s('aggregate')}State: ${s('aggregate')}State = { opened: false, owner: '', balance: 0 };

export class ${s('aggregate')}Rejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = '${s('aggregate')}Rejected';
  }
}

export function evolve${s('aggregate')}(state: ${s('aggregate')}State, event: ${s('aggregate')}Event): ${s('aggregate')}State {
  switch (event.type) {
    case 'Opened':
      return { opened: true, owner: event.owner, balance: 0 };
    case 'Deposited':
      return { ...state, balance: state.balance + event.amount };
    case 'Withdrawn':
      return { ...state, balance: state.balance - event.amount };
  }
}

export function decide${s('aggregate')}(state: ${s('aggregate')}State, command: ${s('aggregate')}Command): ${s('aggregate')}Event[] {
  switch (command.kind) {
    case 'Open':
      if (state.opened) throw new ${s('aggregate')}Rejected('already opened');
      return [{ type: 'Opened', owner: command.owner }];
    case 'Deposit':
      if (!state.opened) throw new ${s('aggregate')}Rejected('not opened');
      if (!(command.amount > 0)) throw new ${s('aggregate')}Rejected('amount must be positive');
      return [{ type: 'Deposited', amount: command.amount }];
    case 'Withdraw':
      if (!state.opened) throw new ${s('aggregate')}Rejected('not opened');
      if (!(command.amount > 0)) throw new ${s('aggregate')}Rejected('amount must be positive');
      if (command.amount > state.balance) throw new ${s('aggregate')}Rejected('insufficient funds');
      return [{ type: 'Withdrawn', amount: command.amount }];
  }
}

export async function load${s('aggregate')}(db: pg.Pool, id: string): Promise<{ state: ${s('aggregate')}State; version: number }> {
  const stream = await readStream(db, id);
  // Events were written by decide${s('aggregate')}, so their shape is known; upcast here when it changes.
  const state = stream.events.reduce(
    (current, e) => evolve${s('aggregate')}(current, { type: e.type, ...(e.data as object) } as ${s('aggregate')}Event),
    initial${s('aggregate')}State,
  );
  return { state, version: stream.version };
}

/**
 * Load → decide → append at the version that was read. A concurrent writer makes appendToStream throw
 * ConcurrencyError; retrying re-runs decide() on the fresh state, so rules hold under contention.
 */
export async function handle${s('aggregate')}Command(db: pg.Pool, id: string, command: ${s('aggregate')}Command): Promise<number> {
  const { state, version } = await load${s('aggregate')}(db, id);
  const events: NewEvent[] = decide${s('aggregate')}(state, command).map(({ type, ...data }) => ({ type, data }));
  return appendToStream(db, id, version, events);
}
`;
