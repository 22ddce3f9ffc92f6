import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { OrderEvents } from '../constants';

@Injectable()
export class AuditListener {
  @OnEvent(OrderEvents.Created, { async: true })
  onCreated(order: { id: string }) {
    console.log('audit: created', order.id);
  }

  @OnEvent('order.*')
  onAnyOrder(payload: unknown) {
    console.debug('audit: order event', payload);
  }
}
