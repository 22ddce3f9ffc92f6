import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import Redis from 'ioredis';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import { Server } from 'socket.io';

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
export const pool = new pg.Pool();
export const localEvents = new EventEmitter();
export const httpServer = createServer();
export const io = new Server(httpServer);

let nc: NatsConnection | undefined;
export async function nats(): Promise<NatsConnection> {
  nc ??= await connect({ servers: process.env.NATS_URL });
  return nc;
}
