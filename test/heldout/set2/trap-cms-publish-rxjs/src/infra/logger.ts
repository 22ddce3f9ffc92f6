import winston from 'winston';
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const logger = winston.createLogger({ level: 'info', transports: [new winston.transports.Console()] });

logger.on('error', (err) => console.error('logger failure', err));

export const pool = new pg.Pool();
pool.on('error', (err) => logger.error('pg pool', { err }));
pool.on('connect', () => logger.debug('pg connect'));

export const cache = new (require('ioredis'))();
cache.on('ready', () => logger.info('cache ready'));

// Node streams are EventEmitters too; their data/end events are not application messages.
export function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    stream.on('data', (chunk) => (out += chunk));
    stream.on('end', () => resolve(out));
    stream.on('error', reject);
  });
}

export const debugBus = new EventEmitter();
