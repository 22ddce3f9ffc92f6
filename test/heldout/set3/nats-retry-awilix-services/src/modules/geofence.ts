import { JSONCodec, type Msg } from 'nats';
import type { NatsClient } from '../infra/natsClient';

const codec = JSONCodec();

export function makeGeofenceService({ nats }: { nats: NatsClient }) {
  return {
    async serve() {
      const svc = await nats.connection.services.add({ name: 'geofence', version: '1.0.0' });
      svc.addEndpoint('geofence.check', {
        handler: (err: Error | null, msg: Msg) => {
          if (err) return;
          const { lat, lng } = codec.decode(msg.data) as { lat: number; lng: number };
          msg.respond(codec.encode({ inside: Math.abs(lat) < 60 && Math.abs(lng) < 120 }));
        },
      });
    },
    async survey() {
      const replies = await nats.connection.requestMany('fleet.ping', codec.encode({}), { maxWait: 500 });
      let count = 0;
      for await (const _r of replies) count += 1;
      return count;
    },
  };
}
