import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'orders' })
export class Order {
  @PrimaryColumn('uuid') id!: string;
  @Column() status!: 'placed' | 'cancelled';
}
