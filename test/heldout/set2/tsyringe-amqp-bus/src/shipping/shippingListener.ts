import { container, injectable } from 'tsyringe';
import { MessageBus } from '../infra/messageBus';
import { RoutingKeys } from '../infra/exchanges';

@injectable()
export class ShippingListener {
  constructor(private readonly bus: MessageBus) {}

  async start(): Promise<void> {
    await this.bus.listen('shipping.invoices', 'invoice.*', async (body) => {
      const { orderId } = body as { orderId: string };
      console.log(`preparing parcel for ${orderId}`);
      await this.bus.publish(RoutingKeys.parcelShipped, { orderId, carrier: 'dhl' });
    });
  }
}

export const startShipping = () => container.resolve(ShippingListener).start();
