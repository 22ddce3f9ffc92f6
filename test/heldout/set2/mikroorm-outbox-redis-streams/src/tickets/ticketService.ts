import type { EntityManager } from '@mikro-orm/postgresql';
import { Ticket } from '../entities/Ticket.js';
import { OutboxRecord } from '../entities/OutboxRecord.js';

export class TicketService {
  constructor(private readonly em: EntityManager) {}

  async close(id: number): Promise<void> {
    await this.em.transactional(async (em) => {
      const ticket = await em.findOneOrFail(Ticket, id);
      ticket.status = 'closed';
      em.persist(em.create(OutboxRecord, { stream: 'helpdesk:tickets', fields: { type: 'closed', id: String(id) } }));
    });
  }
}
