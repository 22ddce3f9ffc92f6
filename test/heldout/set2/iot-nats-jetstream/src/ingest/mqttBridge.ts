import mqtt from 'mqtt';
import type { NatsConnection } from 'nats';
import { jc } from '../nats.js';
import { readingSubject } from '../subjects.js';

export function bridgeMqtt(nc: NatsConnection): void {
  const js = nc.jetstream();
  const client = mqtt.connect(process.env.MQTT_URL ?? 'mqtt://localhost:1883');
  client.on('connect', () => client.subscribe('sites/+/devices/+/reading'));
  client.on('message', async (topic, payload) => {
    const [, site, , deviceId] = topic.split('/');
    await js.publish(readingSubject(site, deviceId), jc.encode(JSON.parse(payload.toString())));
  });
}
