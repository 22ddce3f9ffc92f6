import { inject, injectable } from 'inversify';
import type { Logger } from 'pino';
import { CrmEvent, EventBus } from '../events';

interface Lead { id: string; email: string; score: number }

@injectable()
export class LeadService {
  private readonly leads = new Map<string, Lead>();

  constructor(
    @inject(EventBus) private readonly bus: EventBus,
    @inject(Symbol.for('Logger')) private readonly log: Logger,
  ) {}

  create(lead: Lead): void {
    this.leads.set(lead.id, lead);
    this.bus.emit(CrmEvent.LeadCreated, lead);
    if (lead.score > 80) void this.bus.emitAsync(CrmEvent.LeadQualified, lead);
  }

  closeDeal(leadId: string, won: boolean): void {
    this.log.info({ leadId, won }, 'deal closed');
    this.bus.emit(won ? CrmEvent.DealWon : CrmEvent.DealLost, { leadId });
  }
}
