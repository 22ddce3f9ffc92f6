export * from './topics';
export * from './dto';
export const KAFKA_CLIENT = 'KAFKA_CLIENT';
