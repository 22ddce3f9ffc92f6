export enum Channel {
  Presence = 'presence:updates',
  Typing = 'presence:typing',
}
export const ROOM_PREFIX = 'room:';
