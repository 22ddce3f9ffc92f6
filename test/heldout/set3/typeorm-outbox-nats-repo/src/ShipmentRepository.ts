import type { DataSource } from 'typeorm';
import { BaseRepository } from './shared/BaseRepository';
import { Shipment } from './entities/Shipment';

export class ShipmentRepository extends BaseRepository<Shipment> {
  constructor(ds: DataSource) {
    super(ds, Shipment);
  }

  createLabel(orderId: string, carrier: string) {
    const shipment = Object.assign(new Shipment(), { orderId, carrier });
    return this.saveWithEvent(shipment, `shipping.label.${carrier}`, { orderId, carrier });
  }
}
