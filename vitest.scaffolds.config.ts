import { defineConfig } from 'vitest/config';

// Scaffold proof tests: generated code is type-checked and run against real servers on loopback
// (PostgreSQL, MariaDB, Redis, NATS JetStream, RabbitMQ, nginx, caddy). Files run one at a time because
// they share those servers.
export default defineConfig({
  test: {
    name: 'scaffolds',
    environment: 'node',
    include: ['test/scaffolds/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
