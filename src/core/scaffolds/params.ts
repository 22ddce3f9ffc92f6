// Parameter resolution shared by the realtime scaffolds: defaults filled in, every value checked against
// its pattern, unknown names refused. A value that does not match is rejected with a message naming the
// parameter — it is never escaped and injected into code or proxy config.
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from './types';

export class ScaffoldInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldInputError';
  }
}

/** Patterns reused across scaffolds; all anchored and length-bounded. */
export const PATTERNS = {
  identifier: /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
  typeName: /^[A-Z][A-Za-z0-9]{0,63}$/,
  /** Event and channel names as they appear on the wire (`order.created`, `chat:room-1`). */
  eventName: /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/,
  /** An absolute URL path without query, quotes or spaces: `/api/events`. */
  urlPath: /^(?=.{1,200}$)\/(?:[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)?$/,
  /** `host:port` for an upstream: loopback, a DNS name or an IPv4 address. */
  hostPort: /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?:[0-9]{1,5}$/,
  positiveInt: /^[1-9][0-9]{0,6}$/,
  /** nginx/caddy duration: `3600s`, `1h`, `90m`. */
  duration: /^[1-9][0-9]{0,5}(?:s|m|h)$/,
} as const;

export function resolveParams(
  parameters: readonly ScaffoldParameter[],
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  const declared = new Set(parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      throw new ScaffoldInputError(`Unknown parameter "${name}" (expected one of: ${[...declared].join(', ')})`);
    }
  }
  const values: Record<string, string> = {};
  for (const parameter of parameters) {
    const raw = given[parameter.name];
    // Only a missing value takes the default: an empty string is a (rejected) value, not an omission.
    const value = raw === undefined ? parameter.default : raw;
    if (typeof value !== 'string') {
      throw new ScaffoldInputError(`Parameter "${parameter.name}" must be a string`);
    }
    if (parameter.pattern && !parameter.pattern.test(value)) {
      throw new ScaffoldInputError(
        `Invalid value for "${parameter.label}" (${parameter.name}): ${JSON.stringify(value.slice(0, 80))} does not match ${String(parameter.pattern)}`,
      );
    }
    const reserved = reservedMessage(parameter, value);
    if (reserved) throw new ScaffoldInputError(reserved);
    values[parameter.name] = value;
  }
  return values;
}

export function findVariant(scaffold: Pick<Scaffold, 'id' | 'variants'>, variantId: string): ScaffoldVariant {
  const variant = scaffold.variants.find((v) => v.id === variantId);
  if (!variant) {
    throw new ScaffoldInputError(
      `Scaffold "${scaffold.id}" has no variant "${variantId}" (expected one of: ${scaffold.variants.map((v) => v.id).join(', ')})`,
    );
  }
  return variant;
}

/** Integer parameters also get a range check the regex cannot express cleanly. */
export function intInRange(values: Readonly<Record<string, string>>, name: string, min: number, max: number): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ScaffoldInputError(`Parameter "${name}" must be an integer between ${min} and ${max}, got ${JSON.stringify(values[name])}`);
  }
  return n;
}

/** The refusal for a reserved word (`order` as a table name), or undefined. */
export function reservedMessage(parameter: ScaffoldParameter, value: string): string | undefined {
  if (!parameter.reserved?.has(value.toLowerCase())) return undefined;
  return `${parameter.label}: "${value}" is a reserved SQL word and would break the generated SQL; pick another name (e.g. "${value}s" or "app_${value}").`;
}
