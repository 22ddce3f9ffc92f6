import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Shipment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() orderId!: string;
  @Column() carrier!: string;
  @Column({ default: 'label_created' }) status!: string;
}
