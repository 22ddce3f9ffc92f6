import type { NatsConnection } from 'nats';
import { InfluxDB, Point } from '@influxdata/influxdb-client';
import { jc } from '../nats.js';
import { STREAM, Subject } from '../subjects.js';

const influx = new InfluxDB({ url: process.env.INFLUX_URL!, token: process.env.INFLUX_TOKEN });

export async function runInfluxWriter(nc: NatsConnection): Promise<void> {
  const js = nc.jetstream();
  const writeApi = influx.getWriteApi('iot', 'readings');
  const consumer = await js.consumers.get(STREAM, 'influx-writer');
  const messages = await consumer.consume({ max_messages: 500 });
  for await (const m of messages) {
    const reading = jc.decode(m.data) as { value: number; unit: string };
    writeApi.writePoint(new Point('reading').tag('subject', m.subject).floatField('value', reading.value));
    if (reading.value > 90) {
      nc.publish(Subject.Alerts, jc.encode({ subject: m.subject, value: reading.value }));
    }
    m.ack();
  }
}

export async function pollBacklog(nc: NatsConnection): Promise<number> {
  const consumer = await nc.jetstream().consumers.get(STREAM, 'influx-writer');
  const batch = await consumer.fetch({ max_messages: 50, expires: 2000 });
  let n = 0;
  for await (const m of batch) { n++; m.ack(); }
  return n;
}
