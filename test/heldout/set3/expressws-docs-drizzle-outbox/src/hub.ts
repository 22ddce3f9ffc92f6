import { EventEmitter2 } from 'eventemitter2';

export const hub = new EventEmitter2({ wildcard: true, delimiter: '.', maxListeners: 50 });
