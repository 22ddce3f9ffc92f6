import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'integration_outbox' })
@Index(['status', 'id'])
export class IntegrationEvent {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column()
  channel!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column({ default: 'pending' })
  status!: 'pending' | 'sent';

  @CreateDateColumn()
  createdAt!: Date;
}
