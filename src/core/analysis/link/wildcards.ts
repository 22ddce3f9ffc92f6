// Wildcard semantics per broker, used to pair producers and consumers:
//   NATS `*` one token, `>` the rest; Redis psubscribe globs; AMQP topic `*` one word, `#` zero or more;
//   Kafka regex subscriptions; template-literal patterns (`orders.*`) where `*` stands for any text.
import type { Broker } from '../types';

const regexCache = new Map<string, RegExp | null>();

function cached(key: string, build: () => RegExp): RegExp | null {
  if (regexCache.has(key)) return regexCache.get(key) ?? null;
  let re: RegExp | null;
  try {
    re = build();
  } catch {
    re = null;
  }
  if (regexCache.size > 5000) regexCache.clear();
  regexCache.set(key, re);
  return re;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function natsRegex(p: string): RegExp | null {
  return cached(`nats:${p}`, () => {
    const toks = p.split('.');
    const parts = toks.map((t, i) => (t === '>' && i === toks.length - 1 ? '.+' : t === '*' ? '[^.]+' : esc(t)));
    return new RegExp(`^${parts.join('\\.')}$`);
  });
}

function amqpRegex(p: string): RegExp | null {
  return cached(`amqp:${p}`, () => {
    const toks = p.split('.');
    let src = '';
    toks.forEach((t, i) => {
      const sep = i === 0 ? '' : '\\.';
      if (t === '#') src += i === 0 ? '(?:[^.]+(?:\\.[^.]+)*)?' : '(?:\\.[^.]+)*';
      else src += sep + (t === '*' ? '[^.]+' : esc(t));
    });
    return new RegExp(`^${src}$`);
  });
}

function globRegex(p: string): RegExp | null {
  return cached(`glob:${p}`, () => {
    let src = '';
    for (let i = 0; i < p.length; i++) {
      const c = p[i] ?? '';
      if (c === '*') src += '.*';
      else if (c === '?') src += '.';
      else if (c === '[') {
        const end = p.indexOf(']', i);
        if (end > i) {
          src += p.slice(i, end + 1);
          i = end;
        } else src += '\\[';
      } else src += esc(c);
    }
    return new RegExp(`^${src}$`);
  });
}

function kafkaRegex(p: string): RegExp | null {
  return cached(`kafka:${p}`, () => new RegExp(p));
}

/** Does a subscription pattern (of this broker) match a concrete channel name? */
export function patternMatches(broker: Broker, pattern: string, name: string): boolean {
  let re: RegExp | null;
  switch (broker) {
    case 'nats':
      re = natsRegex(pattern);
      break;
    case 'amqp':
      re = amqpRegex(pattern);
      break;
    case 'kafka':
      re = /[\\^$()|+[\]]/.test(pattern) ? kafkaRegex(pattern) : globRegex(pattern);
      break;
    default:
      re = globRegex(pattern);
  }
  return !!re && re.test(name);
}

/** Pair a producer channel with a consumer channel, either side possibly a pattern. */
export function matchesChannel(broker: Broker, producer: string, producerIsPattern: boolean, consumer: string, consumerIsPattern: boolean): boolean {
  if (producer === consumer) return true;
  if (consumerIsPattern) {
    // A template-literal producer (`orders.*`) stands for some concrete name: test a representative.
    const concrete = producerIsPattern ? producer.replace(/\*/g, 'x') : producer;
    if (patternMatches(broker, consumer, concrete)) return true;
  }
  if (producerIsPattern) return patternMatches('redis', producer, consumerIsPattern ? consumer.replace(/[*>#]/g, 'x') : consumer);
  return false;
}
