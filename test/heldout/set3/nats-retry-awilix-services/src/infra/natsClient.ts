import { connect, JSONCodec, type NatsConnection } from 'nats';
import { withRetry } from './retry';

const json = JSONCodec();

export class NatsClient {
  private nc!: NatsConnection;

  async init() {
    this.nc = await connect({ servers: process.env.NATS_URL, reconnectTimeWait: 1000 });
  }

  get connection() {
    return this.nc;
  }

  emit(subject: string, data: unknown) {
    return withRetry(`publish ${subject}`, () => this.nc.publish(subject, json.encode(data)));
  }

  listen(subject: string, handler: (data: any, subject: string) => void) {
    const sub = this.nc.subscribe(subject);
    void (async () => {
      for await (const m of sub) handler(json.decode(m.data), m.subject);
    })();
    return sub;
  }
}
