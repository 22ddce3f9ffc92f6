import IORedis from 'ioredis';
import { config } from '../config';

// BullMQ workers need blocking connections without a retry limit.
export const connection = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });
