import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class IntegrationOutbox1735000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'integration_outbox',
        columns: [
          { name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'channel', type: 'varchar' },
          { name: 'payload', type: 'jsonb' },
          { name: 'status', type: 'varchar', default: "'pending'" },
          { name: 'createdAt', type: 'timestamptz', default: 'now()' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('integration_outbox');
  }
}
