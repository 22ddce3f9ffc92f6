import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('invoices')
export class Invoice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  customerId!: string;

  @Column('int')
  amountCents!: number;

  @Column({ default: 'open' })
  status!: 'open' | 'paid' | 'void';
}
