import { Worker, type Job } from 'bullmq';
import { pool } from '../infra/pg.js';
import { BUILD_QUEUE, logStream, redis } from '../infra/redis.js';
import { StepRunner } from './steps.js';

async function execute(job: Job<{ buildId: string; repo: string; sha: string }>) {
  const { buildId } = job.data;
  const runner = new StepRunner();
  runner.on('step:output', ({ name, line }) => {
    void redis.xadd(logStream(buildId), 'MAXLEN', '~', 5000, '*', 'step', name, 'line', line);
  });
  runner.on('step:finished', async ({ name, code }) => {
    await pool.query('UPDATE build_steps SET exit_code = $1 WHERE build_id = $2 AND name = $3', [code, buildId, name]);
  });
  await runner.run('checkout', `git clone --depth 1 ${job.data.repo} . && git checkout ${job.data.sha}`, '/tmp/w');
  await runner.run('test', 'npm ci && npm test', '/tmp/w');
}

const worker = new Worker(BUILD_QUEUE, execute, { connection: redis, concurrency: 4 });
worker.on('failed', (job, err) => console.error(`build ${job?.id} failed`, err));
