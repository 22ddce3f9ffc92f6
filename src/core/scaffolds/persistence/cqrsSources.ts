// CQRS level 1 on one PostgreSQL database: commands named after business intent with their own handlers
// and rules; queries that return flat DTOs shaped for display, never the write model.
import type { Template } from '../template';

export const bookingsTableSource: Template = (s) => `-- Write model for room bookings (PostgreSQL). Commands and queries share this one database (CQRS level 1).
CREATE TABLE IF NOT EXISTS ${s('table')} (
  id                  UUID PRIMARY KEY,
  guest_id            TEXT NOT NULL,
  room_number         TEXT NOT NULL,
  check_in            DATE NOT NULL,
  check_out           DATE NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
  booked_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  cancelled_at        TIMESTAMPTZ,
  cancellation_reason TEXT,
  CHECK (check_out > check_in)
);

CREATE INDEX IF NOT EXISTS ${s('table')}_room_idx ON ${s('table')} (room_number, check_in) WHERE status = 'booked';
CREATE INDEX IF NOT EXISTS ${s('table')}_guest_idx ON ${s('table')} (guest_id);
`;

export const commandsSource: Template = (s) => `// Commands: each one names a business intent and is handled in one transaction that enforces its rules.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface BookHotelRoom {
  kind: 'BookHotelRoom';
  guestId: string;
  roomNumber: string;
  /** ISO dates (YYYY-MM-DD); checkOut is exclusive. */
  checkIn: string;
  checkOut: string;
}

export interface CancelBooking {
  kind: 'CancelBooking';
  bookingId: string;
  reason: string;
}

export type BookingCommand = BookHotelRoom | CancelBooking;

/** A command refused by a business rule (not a technical failure). */
export class CommandRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandRejected';
  }
}

export async function bookHotelRoom(pool: pg.Pool, command: BookHotelRoom): Promise<{ bookingId: string }> {
  if (!(command.checkOut > command.checkIn)) throw new CommandRejected('check-out must be after check-in');
  return inTransaction(pool, async (tx) => {
    // Serialize bookings of one room so two overlapping requests cannot both pass the availability check.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['${s('table')}:' + command.roomNumber]);
    const clash = await tx.query(
      "SELECT 1 FROM ${s('table')} WHERE room_number = $1 AND status = 'booked' AND check_in < $3::date AND check_out > $2::date LIMIT 1",
      [command.roomNumber, command.checkIn, command.checkOut],
    );
    if (clash.rowCount !== 0) throw new CommandRejected('room ' + command.roomNumber + ' is not available for those dates');
    const bookingId = randomUUID();
    await tx.query(
      "INSERT INTO ${s('table')} (id, guest_id, room_number, check_in, check_out, status) VALUES ($1, $2, $3, $4, $5, 'booked')",
      [bookingId, command.guestId, command.roomNumber, command.checkIn, command.checkOut],
    );
    return { bookingId };
  });
}

export async function cancelBooking(pool: pg.Pool, command: CancelBooking): Promise<void> {
  const result = await pool.query(
    "UPDATE ${s('table')} SET status = 'cancelled', cancelled_at = now(), cancellation_reason = $2 WHERE id = $1 AND status = 'booked'",
    [command.bookingId, command.reason],
  );
  if (result.rowCount === 0) throw new CommandRejected('booking ' + command.bookingId + ' is not active');
}

/** One entry point for transports (HTTP, queue consumers): dispatch on the command's intent. */
export async function handleBookingCommand(pool: pg.Pool, command: BookingCommand): Promise<{ bookingId: string }> {
  switch (command.kind) {
    case 'BookHotelRoom':
      return bookHotelRoom(pool, command);
    case 'CancelBooking':
      await cancelBooking(pool, command);
      return { bookingId: command.bookingId };
  }
}

async function inTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
`;

export const queriesSource: Template = (s) => `// Queries: read-only, shaped for the screen, returning flat DTOs (plain strings and numbers), never the
// write model. They may read the same tables as the commands (CQRS level 1).
import pg from 'pg';

export interface BookingSummaryDto {
  bookingId: string;
  guestId: string;
  roomNumber: string;
  checkIn: string;
  checkOut: string;
  nights: number;
  status: 'booked' | 'cancelled';
  cancellationReason: string | null;
}

const SUMMARY_COLUMNS =
  "id AS \\"bookingId\\", guest_id AS \\"guestId\\", room_number AS \\"roomNumber\\"," +
  " to_char(check_in, 'YYYY-MM-DD') AS \\"checkIn\\", to_char(check_out, 'YYYY-MM-DD') AS \\"checkOut\\"," +
  " (check_out - check_in) AS nights, status, cancellation_reason AS \\"cancellationReason\\"";

export async function getBookingSummary(pool: pg.Pool, bookingId: string): Promise<BookingSummaryDto | null> {
  const { rows } = await pool.query<BookingSummaryDto>('SELECT ' + SUMMARY_COLUMNS + ' FROM ${s('table')} WHERE id = $1', [bookingId]);
  return rows[0] ?? null;
}

export async function listGuestBookings(pool: pg.Pool, guestId: string): Promise<BookingSummaryDto[]> {
  const { rows } = await pool.query<BookingSummaryDto>(
    'SELECT ' + SUMMARY_COLUMNS + ' FROM ${s('table')} WHERE guest_id = $1 ORDER BY check_in, id',
    [guestId],
  );
  return rows;
}
`;
