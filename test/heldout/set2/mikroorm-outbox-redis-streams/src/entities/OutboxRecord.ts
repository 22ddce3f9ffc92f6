import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'outbox_records' })
@Index({ properties: ['dispatchedAt', 'id'] })
export class OutboxRecord {
  @PrimaryKey({ autoincrement: true }) id!: number;
  @Property() stream!: string;
  @Property({ type: 'json' }) fields!: Record<string, string>;
  @Property({ nullable: true }) dispatchedAt?: Date;
}
