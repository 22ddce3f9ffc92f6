import { inject, injectable } from 'tsyringe';
import { DataSource } from 'typeorm';
import { MessageBus } from '../infra/messageBus';
import { RoutingKeys } from '../infra/exchanges';

@injectable()
export class InvoiceService {
  constructor(
    @inject('DataSource') private readonly db: DataSource,
    private readonly bus: MessageBus,
  ) {}

  async issue(orderId: string, totalCents: number): Promise<string> {
    const result = await this.db.query(
      'INSERT INTO invoices (order_id, total_cents) VALUES ($1, $2) RETURNING id',
      [orderId, totalCents],
    );
    const invoiceId = result[0].id as string;
    await this.bus.publish(RoutingKeys.invoiceIssued, { invoiceId, orderId, totalCents });
    return invoiceId;
  }
}
