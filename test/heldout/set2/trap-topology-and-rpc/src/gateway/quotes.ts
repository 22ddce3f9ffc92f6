import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';

const PRICING = 'PRICING';

@Controller('quotes')
export class QuotesController {
  constructor(@Inject(PRICING) private readonly pricing: ClientProxy) {}

  @Get()
  async quote(@Query('sku') sku: string, @Query('qty') qty: string) {
    return firstValueFrom(this.pricing.send({ cmd: 'quote' }, { sku, qty: Number(qty) }).pipe(timeout(2000)));
  }

  @Get('ping')
  ping() {
    return this.pricing.send('pricing.ping', {});
  }
}

@Module({
  imports: [ClientsModule.register([{ name: PRICING, transport: Transport.TCP, options: { port: 4010 } }])],
  controllers: [QuotesController],
})
export class GatewayModule {}
