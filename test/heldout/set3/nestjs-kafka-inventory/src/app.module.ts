import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InventoryController } from './inventory/inventory.controller';
import { InventoryService } from './inventory/inventory.service';
import { StockItem } from './inventory/stock-item.entity';

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, entities: [StockItem] }),
    TypeOrmModule.forFeature([StockItem]),
    ClientsModule.register([
      { name: 'KAFKA', transport: Transport.KAFKA, options: { client: { brokers: [process.env.KAFKA_BROKER ?? 'kafka:9092'] }, producerOnlyMode: true } },
    ]),
  ],
  controllers: [InventoryController],
  providers: [InventoryService],
})
export class AppModule {}
