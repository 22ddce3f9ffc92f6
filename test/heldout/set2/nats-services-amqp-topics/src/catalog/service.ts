import { connect } from '@nats-io/transport-node';
import { Svcm } from '@nats-io/services';

const products = new Map<string, { sku: string; name: string; price: number }>();

export async function startCatalogService() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const svcm = new Svcm(nc);
  const service = await svcm.add({ name: 'catalog', version: '1.2.0', description: 'product lookups' });

  const products$ = service.addGroup('catalog.products');
  products$.addEndpoint('get', {
    handler: (err, msg) => {
      if (err) return;
      const sku = msg.string();
      msg.respond(JSON.stringify(products.get(sku) ?? null));
    },
  });

  service.addEndpoint('catalog-count', {
    subject: 'catalog.count',
    handler: (_err, msg) => msg.respond(String(products.size)),
  });

  service.stopped.then(() => nc.close());
  return service;
}
