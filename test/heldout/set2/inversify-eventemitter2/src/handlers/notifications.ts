import type { EventBus } from '../events';
import { CrmEvent } from '../events';

export function registerNotifications(bus: EventBus): void {
  bus.on(CrmEvent.LeadQualified, (lead: { email: string }) => {
    console.log(`notify sales about ${lead.email}`);
  });

  bus.on('deal.*', function (this: { event: string }, payload: { leadId: string }) {
    console.log(`${this.event} for ${payload.leadId}`);
  });

  bus.once(CrmEvent.LeadCreated, () => console.log('first lead of the process'));

  bus.onAny((event) => console.debug('crm event', event));
}
