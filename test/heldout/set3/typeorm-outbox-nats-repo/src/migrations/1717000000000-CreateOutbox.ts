import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1717000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "outbox" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "subject" varchar NOT NULL, "body" jsonb NOT NULL, "createdAt" timestamptz NOT NULL DEFAULT now(), "processedAt" timestamptz)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox"`);
  }
}
