export const AdminEvent = {
  Ban: 'admin:ban',
  Banned: 'admin:banned',
  Stats: 'admin:stats',
} as const;

export const TICKET_UPDATED = 'ticket:updated';
