export default defineEventHandler(async (event) => {
  const body = await readBody<{ subject: string; priority: 'low' | 'normal' | 'urgent' }>(event);
  const ticket = await Ticket.create(body);
  const ch = await useRabbit();
  ch.publish(TICKETS_EXCHANGE, `ticket.created.${body.priority}`, Buffer.from(JSON.stringify(ticket)), {
    persistent: true,
  });
  setResponseStatus(event, 201);
  return ticket;
});
