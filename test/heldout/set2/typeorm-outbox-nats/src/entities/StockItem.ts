import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

@Entity('stock_items')
export class StockItem {
  @PrimaryColumn() sku!: string;
  @Column('int') onHand!: number;
  @VersionColumn() version!: number;
}
