export default defineEventHandler(async (event) => {
  setHeader(event, 'Content-Type', 'text/event-stream');
  setHeader(event, 'Cache-Control', 'no-cache');

  const ch = await useRabbit();
  const { queue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(queue, TICKETS_EXCHANGE, 'ticket.#');

  const res = event.node.res;
  const { consumerTag } = await ch.consume(queue, (msg) => {
    if (!msg) return;
    res.write(`data: ${msg.content.toString()}\n\n`);
    ch.ack(msg);
  });

  event.node.req.on('close', () => void ch.cancel(consumerTag));
  event._handled = true;
});
