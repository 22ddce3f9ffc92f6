import { EventEmitter } from 'node:events';
import { Kafka } from 'kafkajs';
import Redis from 'ioredis';
import pg from 'pg';

export const pool = new pg.Pool();
export const domainEvents = new EventEmitter();
export const redis = new Redis(process.env.REDIS_URL!);
export const producer = new Kafka({ clientId: 'accounts', brokers: ['kafka:9092'] }).producer();
