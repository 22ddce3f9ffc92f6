import { connect, StringCodec } from 'nats';
import { clockTicks, durableAlerts, telemetry } from './streams';
import { Subject } from './subjects';

const sc = StringCodec();
const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'telemetry-bridge' });

(async () => {
  for await (const s of nc.status()) console.info(`nats ${s.type}`);
})();

async function pump() {
  for await (const point of telemetry(nc)) {
    if (point.value > 90) nc.publish(`${Subject.DeviceCommand}.${point.device}`, sc.encode('throttle'));
  }
}

async function forwardAlerts() {
  for await (const alert of durableAlerts(nc)) nc.publish('ops.alerts', sc.encode(alert), { reply: 'ops.ack' });
}

await Promise.all([pump(), forwardAlerts(), (async () => { for await (const t of clockTicks(nc, 60_000)) console.log(t); })()]);
await nc.drain();
