import { Schema, model } from 'mongoose';

const listingSchema = new Schema({
  title: { type: String, required: true },
  priceCents: { type: Number, required: true },
  sellerId: { type: String, index: true },
  status: { type: String, enum: ['active', 'sold'], default: 'active' },
});

export const Listing = model('Listing', listingSchema);
