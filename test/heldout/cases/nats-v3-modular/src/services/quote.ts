import { Svcm } from '@nats-io/services';
import { nats } from '../nats';

export async function startQuoteService(): Promise<void> {
  const nc = await nats();
  const svc = await new Svcm(nc).add({ name: 'quote', version: '1.0.0', queue: 'quote-workers' });
  const quotes = svc.addGroup('pricing.quote');
  quotes.addEndpoint('spot', {
    handler: (err, msg) => {
      if (err) return;
      const { sku } = msg.json<{ sku: string }>();
      msg.respond(JSON.stringify({ sku, price: 1999 }));
    },
  });
  svc.addEndpoint('pricing.health', (_err, msg) => msg.respond('ok'));
}
