import { JSONCodec } from 'nats';
import type { NatsClient } from '../infra/natsClient';

const codec = JSONCodec<{ vehicleId: string; lat: number; lng: number }>();

export function makeTelemetryModule({ nats }: { nats: NatsClient }) {
  return {
    async start() {
      const js = nats.connection.jetstream();
      const consumer = await js.consumers.get('TELEMETRY', 'positions');
      const messages = await consumer.consume({ max_messages: 256 });
      for await (const m of messages) {
        const pos = codec.decode(m.data);
        if (pos.lat > 90 || pos.lat < -90) {
          m.term();
          continue;
        }
        await nats.emit(`fleet.position.${pos.vehicleId}`, pos);
        m.ack();
      }
    },
    onAlerts(handler: (alert: unknown) => void) {
      return nats.listen('fleet.alerts.>', handler);
    },
    async latestFor(vehicleId: string) {
      const js = nats.connection.jetstream();
      const consumer = await js.consumers.get('TELEMETRY', { filterSubjects: [`telemetry.raw.${vehicleId}`] });
      const m = await consumer.next({ expires: 1000 });
      return m ? codec.decode(m.data) : null;
    },
  };
}
