export const QUEUES = {
  mail: 'mail',
  avatars: 'avatar-processing',
} as const;

export const USER_EVENTS = {
  registered: 'user.registered',
  deleted: 'user.deleted',
} as const;
