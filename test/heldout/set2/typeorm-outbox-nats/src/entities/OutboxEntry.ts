import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('inventory_outbox')
@Index(['processedAt', 'createdAt'])
export class OutboxEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() subject!: string;
  @Column('jsonb') payload!: Record<string, unknown>;
  @CreateDateColumn() createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) processedAt!: Date | null;
}
