import { describe, expect, it } from 'vitest';
import { isInMemoryReceiver } from '../../../src/core/analysis/extract/localRules';
import { analyzeTree, summarize } from './tree';

describe('which receivers hold persistent state (dual-write detection)', () => {
  it('judges by whole words of the receiver, not substrings', () => {
    for (const memory of ['userCache', 'this.sessionMap', 'redis', 'pendingQueue', 'seenSet', 'this.emitter', 'itemsList', 'client.hset']) {
      expect(isInMemoryReceiver(memory), memory).toBe(true);
    }
    for (const model of ['Listing', 'Asset', 'UserSettings', 'Playlist', 'Sitemap', 'Dataset', 'prisma.order', 'this.ordersRepository']) {
      expect(isInMemoryReceiver(model), model).toBe(false);
    }
  });

  it('finds the dual write of a model whose name contains "list" or "set"', async () => {
    const r = await analyzeTree({
      'package.json': JSON.stringify({ name: 'listings', dependencies: { mongoose: '8.0.0', ioredis: '5.4.0' } }),
      'src/listings.ts': `import Redis from 'ioredis';
import { Listing } from './models';

const redis = new Redis();

export async function publishListing(input: { title: string; priceCents: number }) {
  const listing = await Listing.create(input);
  await redis.publish('listings:new', JSON.stringify({ id: listing.id }));
  return listing;
}

export async function rememberListing(cacheKey: string, listingCache: Map<string, string>) {
  listingCache.set(cacheKey, 'seen');
  await redis.publish('listings:seen', cacheKey);
}
`,
      'src/models.ts': `import mongoose from 'mongoose';
export const Listing = mongoose.model('Listing', new mongoose.Schema({ title: String, priceCents: Number }));
`,
    });
    expect(summarize(r, ['dual_write'])).toEqual(['src/listings.ts:8 dual_write listings:new']);
  });
});
