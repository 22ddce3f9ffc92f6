import { codec, jet } from './nats.js';
import { Subject } from './subjects.js';

export async function trackPageView(sessionId: string, path: string) {
  await jet().publish(Subject.PageView, codec.encode({ sessionId, path, ts: Date.now() }), { msgID: `${sessionId}:${path}` });
}

export async function trackClick(sessionId: string, selector: string) {
  await jet().publish(Subject.Click, codec.encode({ sessionId, selector, ts: Date.now() }));
}
