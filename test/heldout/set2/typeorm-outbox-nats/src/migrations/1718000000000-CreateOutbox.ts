import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1718000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inventory_outbox" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "subject" varchar NOT NULL,
        "payload" jsonb NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "processedAt" timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "inventory_outbox"');
  }
}
