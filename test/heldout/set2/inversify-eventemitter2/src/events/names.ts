export enum CrmEvent {
  LeadCreated = 'lead.created',
  LeadQualified = 'lead.qualified',
  DealWon = 'deal.won',
  DealLost = 'deal.lost',
}
