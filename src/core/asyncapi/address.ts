// Channel addresses in AsyncAPI form. The analyzer keeps every pattern's wildcard as `*` (NATS `*` and `>`,
// AMQP `*` and `#`, Redis `psubscribe` globs, template literals); AsyncAPI writes a variable part as a
// `{parameter}` declared in the channel's `parameters`, so each wildcard becomes one.
import type { Broker } from '../analysis/types';

export interface AddressParameter {
  name: string;
  description: string;
}

export interface AsyncApiAddress {
  address: string;
  parameters: AddressParameter[];
}

function wildcardMeaning(broker: Broker, token: string): string {
  if (broker === 'nats') return token === '>' ? 'NATS `>`: one or more trailing tokens' : 'NATS `*`: exactly one token';
  if (broker === 'amqp') return token === '#' ? 'AMQP `#`: zero or more words' : 'AMQP `*`: exactly one word';
  if (broker === 'redis') return 'Redis pattern `*`: any characters';
  return 'A part of the name computed at run time (template or pattern)';
}

/**
 * `orders.*` on NATS → `orders.{token1}` with `token1` described; a name without wildcards is unchanged.
 * Only whole wildcard tokens of NATS/AMQP (`>`, `#`) count as such; `*` counts anywhere when the channel is a
 * pattern. Braces already in a name would read as parameters, so they are replaced.
 */
export function asyncApiAddress(broker: Broker, channel: string, isPattern: boolean): AsyncApiAddress {
  const parameters: AddressParameter[] = [];
  const safe = channel.replace(/[{}]/g, '_');
  if (!isPattern) return { address: safe, parameters };
  const tokens = broker === 'nats' || broker === 'amqp' ? /(?<=^|\.)[>#](?=$|\.)|\*/g : /\*/g;
  const address = safe.replace(tokens, (token) => {
    const name = `${token === '>' || token === '#' ? 'rest' : 'token'}${parameters.length + 1}`;
    parameters.push({ name, description: wildcardMeaning(broker, token) });
    return `{${name}}`;
  });
  return { address, parameters };
}
