import { Redis } from 'ioredis';

export const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
export const logStream = (buildId: string) => `ci:logs:${buildId}`;
export const BUILD_QUEUE = 'ci-builds';
