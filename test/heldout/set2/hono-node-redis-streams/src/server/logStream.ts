import { createClient, commandOptions } from 'redis';

export const DEPLOY_LOG_KEY = (deployId: string) => `deploy:${deployId}:log`;

export class LogStream {
  private readonly client = createClient({ url: process.env.REDIS_URL });

  async connect(): Promise<this> {
    this.client.on('error', (e) => console.error('redis', e));
    await this.client.connect();
    return this;
  }

  append(deployId: string, line: string): Promise<string> {
    return this.client.xAdd(DEPLOY_LOG_KEY(deployId), '*', { line, at: String(Date.now()) }, {
      TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 10_000 },
    });
  }

  async *follow(deployId: string, from = '0-0'): AsyncGenerator<{ id: string; line: string }> {
    let cursor = from;
    const reader = this.client.duplicate();
    await reader.connect();
    try {
      for (;;) {
        const res = await reader.xRead(
          commandOptions({ isolated: true }),
          [{ key: DEPLOY_LOG_KEY(deployId), id: cursor }],
          { BLOCK: 15_000, COUNT: 100 },
        );
        for (const stream of res ?? []) {
          for (const msg of stream.messages) {
            cursor = msg.id;
            yield { id: msg.id, line: msg.message.line };
          }
        }
      }
    } finally {
      await reader.quit();
    }
  }

  async claimStale(group: string, consumer: string) {
    await this.client.xGroupCreate('deploy:events', group, '0', { MKSTREAM: true }).catch(() => undefined);
    return this.client.xAutoClaim('deploy:events', group, consumer, 30_000, '0-0');
  }
}
