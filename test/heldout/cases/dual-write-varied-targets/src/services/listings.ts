import { Listing } from '../models/Listing';
import { localEvents, pool, redis, io } from '../infra';

export async function createListing(sellerId: string, title: string, priceCents: number) {
  const listing = await Listing.create({ sellerId, title, priceCents });
  await redis.publish('listings:new', JSON.stringify({ id: listing.id, title }));
  return listing;
}

export async function markSold(listingId: string, buyerId: string) {
  await pool.query('UPDATE listings_index SET status = $1, buyer_id = $2 WHERE id = $3', ['sold', buyerId, listingId]);
  io.to(`listing:${listingId}`).emit('listing:sold', { listingId });
}

export async function reprice(listingId: string, priceCents: number) {
  await Listing.updateOne({ _id: listingId }, { $set: { priceCents } });
  localEvents.emit('listing.repriced', { listingId, priceCents });
}

export async function announceFeatured(listingId: string) {
  const listing = await Listing.findById(listingId).lean();
  if (listing) await redis.publish('listings:featured', JSON.stringify(listing));
}

export async function archive(listingId: string) {
  await Listing.deleteOne({ _id: listingId });
  await fetch('https://search.internal/reindex', { method: 'POST', body: listingId });
}
