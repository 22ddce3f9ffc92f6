export enum ChatEvent {
  Join = 'room:join',
  Leave = 'room:leave',
  Message = 'message:new',
  Typing = 'user:typing',
  Presence = 'presence:update',
  History = 'message:history',
}

export interface ChatMessage {
  id: string;
  roomId: string;
  author: string;
  body: string;
  sentAt: number;
}
