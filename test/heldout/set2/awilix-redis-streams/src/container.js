const { createContainer, asClass, asValue, asFunction, Lifetime } = require('awilix');
const Redis = require('ioredis');
const { Pool } = require('pg');

const container = createContainer();

container.register({
  redis: asFunction(() => new Redis(process.env.REDIS_URL), { lifetime: Lifetime.SINGLETON, dispose: (r) => r.quit() }),
  db: asValue(new Pool({ connectionString: process.env.DATABASE_URL })),
});

container.loadModules(['services/*.js', 'consumers/*.js'], {
  cwd: __dirname,
  formatName: 'camelCase',
  resolverOptions: { register: asClass, lifetime: Lifetime.SINGLETON },
});

module.exports = container;
