// Outbox relay, MySQL/MariaDB variants (MariaDB 10.11 has FOR UPDATE SKIP LOCKED): type-checked against
// the real libraries, then run against real MariaDB, Redis Streams, NATS JetStream, RabbitMQ and BullMQ.
import { afterAll, beforeAll, describe } from 'vitest';
import { createMysqlFixture, type DbFixture } from './support/dbFixtures';
import { buildRelayProject, type RelayProject } from './support/relayProject';
import { sharedRelayTests } from './support/relaySuite';

let gen: RelayProject<'mysql'>;
let db: DbFixture;

beforeAll(async () => {
  gen = await buildRelayProject('mysql');
  db = await createMysqlFixture(gen);
});

afterAll(async () => {
  await db?.close();
  gen?.project.remove();
});

describe('outbox relay on MariaDB', () => {
  // MariaDB has no NOTIFY: the relay process polls every 200 ms.
  sharedRelayTests('mysql', () => ({ gen, db }), '200');
});
