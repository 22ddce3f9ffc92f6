import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('reports')
export class Report {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() ownerId!: string;
  @Column() kind!: string;
  @Column({ default: 'pending' }) status!: string;
  @CreateDateColumn() createdAt!: Date;
}
