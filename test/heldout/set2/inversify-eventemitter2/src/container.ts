import 'reflect-metadata';
import { Container } from 'inversify';
import pino from 'pino';
import { EventBus } from './events';
import { LeadService } from './services/leadService';
import { registerNotifications } from './handlers/notifications';

export const TYPES = { Logger: Symbol.for('Logger') };

export const container = new Container({ defaultScope: 'Singleton' });
container.bind(EventBus).toSelf();
container.bind(LeadService).toSelf();
container.bind(TYPES.Logger).toConstantValue(pino({ name: 'crm' }));

registerNotifications(container.get(EventBus));
