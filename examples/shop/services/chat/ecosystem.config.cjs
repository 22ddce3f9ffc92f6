module.exports = {
  apps: [
    {
      name: 'chat',
      script: 'dist/index.js',
      instances: 4,
      exec_mode: 'cluster',
      max_memory_restart: '512M',
      env: {
        NODE_ENV: 'production',
        PORT: 4003,
        REDIS_URL: 'redis://redis:6379',
      },
    },
  ],
};
