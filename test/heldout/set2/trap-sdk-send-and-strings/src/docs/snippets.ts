// Code samples rendered on the developer portal. They are strings, never executed.
export const snippets = {
  kafka: `
const producer = kafka.producer();
await producer.send({ topic: 'orders', messages: [{ value: 'hi' }] });
await consumer.subscribe({ topic: 'orders' });`,
  redis: "await redis.publish('news', JSON.stringify(item)); await sub.subscribe('news');",
  socket: `io.on('connection', (s) => s.emit('welcome'));`,
  sse: "res.writeHead(200, { 'Content-Type': 'text/event-stream' });",
  queue: "await queue.add('email', { to }); new Worker('email', handler);",
};

export function render(name: keyof typeof snippets): string {
  return `<pre><code>${snippets[name].trim()}</code></pre>`;
}

/*
 * Example of an outbox relay (documentation only):
 *   const rows = await prisma.outbox.findMany({ where: { sentAt: null } });
 *   for (const r of rows) await producer.send({ topic: r.topic, messages: [...] });
 */
export const OUTBOX_DDL_EXAMPLE = 'CREATE TABLE outbox (id bigserial primary key, topic text, payload jsonb)';
