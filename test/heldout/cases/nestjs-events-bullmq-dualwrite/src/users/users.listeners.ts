import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { USER_EVENTS } from '../common/queues';

@Injectable()
export class UserListeners {
  @OnEvent(USER_EVENTS.registered, { async: true })
  async audit(payload: { userId: string }) {
    console.log('registered', payload.userId);
  }

  @OnEvent('user.*')
  any(payload: unknown) {
    console.debug(payload);
  }
}
