import mongoose from 'mongoose';

const ticketSchema = new mongoose.Schema({
  subject: String,
  priority: { type: String, enum: ['low', 'normal', 'urgent'] },
  status: { type: String, default: 'open' },
});

export const Ticket = mongoose.models.Ticket ?? mongoose.model('Ticket', ticketSchema);
