import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'outbox' })
@Index(['processedAt', 'createdAt'])
export class OutboxRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() subject!: string;
  @Column('jsonb') body!: Record<string, unknown>;
  @CreateDateColumn() createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) processedAt!: Date | null;
}
