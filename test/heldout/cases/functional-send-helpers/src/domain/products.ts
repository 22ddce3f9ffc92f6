import { emitPriceEvent, emitProductEvent, sendJson } from '../lib/kafka';

export interface Product {
  id: string;
  title: string;
  priceCents: number;
  currency: string;
}

export async function publishProduct(product: Product): Promise<void> {
  await emitProductEvent('published', product.id, product);
}

export async function retireProduct(id: string): Promise<void> {
  await emitProductEvent('retired', id, { id });
}

export async function reprice(product: Product, priceCents: number): Promise<void> {
  await emitPriceEvent('EUR', { id: product.id, from: product.priceCents, to: priceCents });
}

export async function rebuildSearchIndex(): Promise<void> {
  await sendJson('catalog.search.rebuild', { requestedAt: Date.now() });
}
