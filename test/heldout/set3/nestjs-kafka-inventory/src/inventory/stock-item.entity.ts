import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'stock_items' })
export class StockItem {
  @PrimaryColumn() sku!: string;
  @Column('int') available!: number;
  @VersionColumn() version!: number;
}
