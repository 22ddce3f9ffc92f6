import { Controller, Inject, type OnModuleInit } from '@nestjs/common';
import { ClientKafka, MessagePattern, Payload } from '@nestjs/microservices';
import { BillingTopic, KAFKA_CLIENT, LedgerTopics } from '@acme/contracts';

@Controller()
export class LedgerConsumer implements OnModuleInit {
  constructor(@Inject(KAFKA_CLIENT) private readonly client: ClientKafka) {}

  async onModuleInit() {
    this.client.subscribeToResponseOf(LedgerTopics.balanceQuery);
    await this.client.connect();
  }

  @MessagePattern(BillingTopic.InvoiceIssued)
  post(@Payload() event: { invoiceId: string; amountCents: number }) {
    this.client.emit(LedgerTopics.entryPosted, { invoiceId: event.invoiceId });
    return { posted: true };
  }

  balance(accountId: string) {
    return this.client.send(LedgerTopics.balanceQuery, { accountId });
  }
}
