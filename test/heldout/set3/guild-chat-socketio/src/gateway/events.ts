export const enum GatewayEvent {
  MessageCreate = 'MESSAGE_CREATE',
  MessageDelete = 'MESSAGE_DELETE',
  TypingStart = 'TYPING_START',
  PresenceUpdate = 'PRESENCE_UPDATE',
}

export const ClientOp = {
  SendMessage: 'op:send_message',
  DeleteMessage: 'op:delete_message',
  Typing: 'op:typing',
} as const;

export const channelRoom = (guildId: string, channelId: string) => `guild:${guildId}:channel:${channelId}`;
