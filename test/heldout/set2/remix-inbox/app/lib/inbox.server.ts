import { EventEmitter } from 'node:events';

export const inboxEvents = new EventEmitter();
inboxEvents.setMaxListeners(0);

export const MESSAGE_RECEIVED = 'message-received';
