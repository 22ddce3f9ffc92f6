import { injectable } from 'inversify';
import { EventEmitter2 } from 'eventemitter2';

@injectable()
export class EventBus extends EventEmitter2 {
  constructor() {
    super({ wildcard: true, delimiter: '.', maxListeners: 50 });
  }
}
