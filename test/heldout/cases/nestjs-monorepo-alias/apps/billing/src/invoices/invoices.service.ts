import { Inject, Injectable } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BillingTopic, KAFKA_CLIENT, type InvoiceIssuedEvent } from '@acme/contracts';
import { Invoice } from './invoice.entity';

@Injectable()
export class InvoicesService {
  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    @Inject(KAFKA_CLIENT) private readonly kafka: ClientKafka,
  ) {}

  async issue(customerId: string, amountCents: number): Promise<Invoice> {
    const invoice = await this.invoices.save(this.invoices.create({ customerId, amountCents }));
    const event: InvoiceIssuedEvent = { invoiceId: invoice.id, customerId, amountCents };
    this.kafka.emit(BillingTopic.InvoiceIssued, { key: invoice.id, value: event });
    return invoice;
  }

  async markPaid(invoiceId: string): Promise<void> {
    await this.invoices.update(invoiceId, { status: 'paid' });
  }

  async find(invoiceId: string): Promise<Invoice | null> {
    return this.invoices.findOneBy({ id: invoiceId });
  }
}
