import { connect, type NatsConnection } from '@nats-io/transport-node';

let connection: NatsConnection | undefined;

export async function nats(): Promise<NatsConnection> {
  connection ??= await connect({ servers: process.env.NATS_SERVERS?.split(',') ?? ['127.0.0.1:4222'], name: 'pricing' });
  return connection;
}
