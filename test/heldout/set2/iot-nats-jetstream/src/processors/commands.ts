import type { NatsConnection } from 'nats';
import { jc } from '../nats.js';
import { Subject } from '../subjects.js';

export function serveDeviceStatus(nc: NatsConnection, lastSeen: Map<string, number>): void {
  const sub = nc.subscribe(`${Subject.DeviceStatus}.*`, { queue: 'status-responders' });
  void (async () => {
    for await (const msg of sub) {
      const deviceId = msg.subject.split('.').pop()!;
      msg.respond(jc.encode({ deviceId, lastSeen: lastSeen.get(deviceId) ?? null }));
    }
  })();
}

export async function sendCommand(nc: NatsConnection, deviceId: string, command: string): Promise<unknown> {
  const reply = await nc.request(`${Subject.DeviceCommand}.${deviceId}`, jc.encode({ command }), { timeout: 3000 });
  return jc.decode(reply.data);
}

export function watchAlerts(nc: NatsConnection, onAlert: (a: unknown) => void): void {
  nc.subscribe(Subject.Alerts, { callback: (_err, msg) => onAlert(jc.decode(msg.data)) });
}
