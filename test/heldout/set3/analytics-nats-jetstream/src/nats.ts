import { connect, JSONCodec, type NatsConnection, type JetStreamClient } from 'nats';

export const codec = JSONCodec();
let nc: NatsConnection;
let js: JetStreamClient;

export async function initNats() {
  nc = await connect({ servers: process.env.NATS_URL, name: 'pulse' });
  js = nc.jetstream();
  return { nc, js };
}

export const conn = () => nc;
export const jet = () => js;
