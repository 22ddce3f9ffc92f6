import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity()
export class Ticket {
  @PrimaryKey() id!: number;
  @Property() subject!: string;
  @Property() status: 'open' | 'closed' = 'open';
}
