import { asClass, asFunction, createContainer, InjectionMode } from 'awilix';
import { NatsClient } from './infra/natsClient';
import { makeTelemetryModule } from './modules/telemetry';
import { makeGeofenceService } from './modules/geofence';

export const container = createContainer({ injectionMode: InjectionMode.PROXY });

container.register({
  nats: asClass(NatsClient).singleton(),
  telemetry: asFunction(makeTelemetryModule).singleton(),
  geofence: asFunction(makeGeofenceService).singleton(),
});
