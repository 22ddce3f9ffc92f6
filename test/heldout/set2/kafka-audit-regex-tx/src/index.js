import { ensureTopics } from './admin.js';
import { startEnricher } from './enricher.js';
import { startSink } from './sink.js';

await ensureTopics();
await Promise.all([startEnricher(), startSink()]);
