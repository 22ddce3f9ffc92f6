// CQRS level 1 on real PostgreSQL: commands (named intents) change state and enforce their rules, queries
// return flat DTOs (plain JSON values, no Date or domain objects), everything type-checked.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cqrsLevel1Scaffold } from '../../../src/core/scaffolds/persistence';
import { createTempProject, generateWith, services, uniqueName, type TempProject, type TypecheckResult } from '../harness';

interface BookHotelRoom {
  kind: 'BookHotelRoom';
  guestId: string;
  roomNumber: string;
  checkIn: string;
  checkOut: string;
}

interface CommandsModule {
  handleBookingCommand(pool: pg.Pool, command: BookHotelRoom | { kind: 'CancelBooking'; bookingId: string; reason: string }): Promise<{ bookingId: string }>;
  CommandRejected: new (message: string) => Error;
}

interface QueriesModule {
  getBookingSummary(pool: pg.Pool, id: string): Promise<Record<string, unknown> | null>;
  listGuestBookings(pool: pg.Pool, guestId: string): Promise<Array<Record<string, unknown>>>;
}

const table = uniqueName('bookings');
const schema = uniqueName('ea_cqrs');
let project: TempProject;
let typecheck: TypecheckResult;
let pool: pg.Pool;
let commands: CommandsModule;
let queries: QueriesModule;

beforeAll(async () => {
  const output = generateWith(cqrsLevel1Scaffold, 'postgres', { table });
  project = createTempProject('cqrs-level-1');
  project.write(output.files);
  typecheck = await project.typecheck();
  const admin = new pg.Client(services.postgres);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  pool = new pg.Pool({ ...services.postgres, options: `-c search_path=${schema}`, max: 6 });
  await pool.query(output.files.find((f) => f.language === 'sql')?.content ?? '');
  commands = await project.importModule<CommandsModule>('src/bookings/commands.ts');
  queries = await project.importModule<QueriesModule>('src/bookings/queries.ts');
});

afterAll(async () => {
  await pool?.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool?.end();
  project?.remove();
});

describe('CQRS level 1 (PostgreSQL)', () => {
  it('type-checks', () => {
    expect(typecheck.output).toBe('');
  });

  it('a command changes state; the query returns the flat DTO', async () => {
    const book: BookHotelRoom = { kind: 'BookHotelRoom', guestId: 'g-1', roomNumber: '101', checkIn: '2026-03-01', checkOut: '2026-03-04' };
    const { bookingId } = await commands.handleBookingCommand(pool, book);
    const dto = await queries.getBookingSummary(pool, bookingId);
    expect(dto).toEqual({ bookingId, guestId: 'g-1', roomNumber: '101', checkIn: '2026-03-01', checkOut: '2026-03-04', nights: 3, status: 'booked', cancellationReason: null });
    // Flat: every value is a JSON primitive, so the DTO crosses any boundary unchanged.
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);

    // Rules live in the command handlers: overlapping dates are refused, even when two requests race.
    await expect(commands.handleBookingCommand(pool, { ...book, guestId: 'g-2', checkIn: '2026-03-03', checkOut: '2026-03-05' })).rejects.toBeInstanceOf(commands.CommandRejected);
    const race = await Promise.allSettled([
      commands.handleBookingCommand(pool, { ...book, roomNumber: '202', guestId: 'g-3' }),
      commands.handleBookingCommand(pool, { ...book, roomNumber: '202', guestId: 'g-4' }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);

    await commands.handleBookingCommand(pool, { kind: 'CancelBooking', bookingId, reason: 'plans changed' });
    expect(await queries.getBookingSummary(pool, bookingId)).toMatchObject({ status: 'cancelled', cancellationReason: 'plans changed' });
    await expect(commands.handleBookingCommand(pool, { kind: 'CancelBooking', bookingId, reason: 'again' })).rejects.toBeInstanceOf(commands.CommandRejected);
    // The freed dates can be booked again.
    await commands.handleBookingCommand(pool, { ...book, guestId: 'g-1', checkIn: '2026-03-10', checkOut: '2026-03-12' });
    const list = await queries.listGuestBookings(pool, 'g-1');
    expect(list.map((b) => [b.checkIn, b.status])).toEqual([
      ['2026-03-01', 'cancelled'],
      ['2026-03-10', 'booked'],
    ]);
    expect(await queries.getBookingSummary(pool, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
