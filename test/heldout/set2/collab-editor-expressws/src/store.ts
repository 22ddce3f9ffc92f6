import { MongoClient, Binary } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
const updates = client.db('collab').collection<{ docId: string; update: Binary; at: Date }>('updates');

export async function appendUpdate(docId: string, update: Uint8Array): Promise<void> {
  await updates.insertOne({ docId, update: new Binary(update), at: new Date() });
}

export async function loadUpdates(docId: string): Promise<Uint8Array[]> {
  const rows = await updates.find({ docId }).sort({ at: 1 }).toArray();
  return rows.map((r) => r.update.buffer);
}
