import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';

const connection = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const invoices = new Queue('invoices', { connection });
await invoices.pause();
await invoices.obliterate({ force: true });
await invoices.resume();
const counts = await invoices.getJobCounts('waiting', 'active', 'failed');
console.log(counts);

await connection.xgroup('CREATE', 'billing:events', 'ledger', '$', 'MKSTREAM').catch(() => {});
await connection.xtrim('billing:events', 'MAXLEN', '~', 10000);
await connection.xack('billing:events', 'ledger', '0-1');
await connection.set('billing:bootstrapped', '1');
await connection.quit();
