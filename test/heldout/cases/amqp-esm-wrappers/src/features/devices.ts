import { getChannel, listen, publishTo, reading } from '../bus/channel';

export async function reboot(deviceId: string): Promise<void> {
  await publishTo('commands', deviceId, { op: 'reboot' });
}

export async function recordTemperature(deviceId: string, celsius: number): Promise<void> {
  await reading(deviceId, celsius);
}

export async function startAlerting(): Promise<void> {
  const ch = await getChannel();
  const { queue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(queue, 'telemetry', 'device.*.alarm');
  await ch.consume(queue, (msg) => msg && console.log('alarm', msg.routingKey), { noAck: true });
  await listen('firmware-updates', (body) => console.log('firmware', body));
}
