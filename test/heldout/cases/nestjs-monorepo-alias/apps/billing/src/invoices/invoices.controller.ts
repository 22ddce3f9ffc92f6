import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { BillingTopic, LedgerTopics } from '@acme/contracts';
import { InvoicesService } from './invoices.service';

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly service: InvoicesService) {}

  @Post()
  create(@Body() body: { customerId: string; amountCents: number }) {
    return this.service.issue(body.customerId, body.amountCents);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.service.find(id);
  }

  @EventPattern(BillingTopic.InvoicePaid)
  async onPaid(@Payload() message: { invoiceId: string }) {
    await this.service.markPaid(message.invoiceId);
  }

  @EventPattern(LedgerTopics.entryPosted)
  onLedgerEntry(@Payload() entry: unknown) {
    return entry;
  }
}
