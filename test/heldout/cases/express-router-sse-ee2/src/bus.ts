import { EventEmitter2 } from 'eventemitter2';

export const deployBus = new EventEmitter2({ wildcard: true, delimiter: '.', maxListeners: 100 });

export const DEPLOY_FINISHED = 'deploy.finished';
