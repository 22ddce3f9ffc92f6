import { kafka, AUDIT_TOPIC } from './kafka.js';

export async function ensureTopics() {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: AUDIT_TOPIC, numPartitions: 12 }] });
  await admin.disconnect();
}
