import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

@Controller()
export class PricingController {
  @MessagePattern({ cmd: 'quote' })
  quote(@Payload() req: { sku: string; qty: number }) {
    return { sku: req.sku, total: req.qty * 1999 };
  }

  @MessagePattern('pricing.ping')
  ping() {
    return 'pong';
  }
}

@Module({ controllers: [PricingController] })
export class PricingModule {}
