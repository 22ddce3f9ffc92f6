// Parameters shared by the persistence scaffolds. Names end up inside SQL and generated code, so they are
// validated identifiers (never quoted or escaped): a value outside the pattern is rejected by resolveParams.
import { SQL_RESERVED } from '../sqlReserved';
import type { ScaffoldParameter } from '../types';

export { SQL_RESERVED };

/** Lowercase SQL identifier short enough that `<table>_unpublished_idx` stays within PostgreSQL's 63 bytes. */
export const SQL_TABLE = /^[a-z_][a-z0-9_]{0,39}$/;
/** A PascalCase type/model name. */
export const TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,39}$/;
/** A broker destination: Redis stream key, NATS stream and subject token, AMQP exchange, Kafka topic (`orders.created`), BullMQ queue. */
export const DESTINATION = /^[A-Za-z][A-Za-z0-9_-]{0,62}(?:\.[A-Za-z0-9_-]{1,62}){0,4}$/;

export const outboxTableParameter: ScaffoldParameter = {
  name: 'table',
  label: 'Outbox table name',
  default: 'outbox',
  pattern: SQL_TABLE,
  reserved: SQL_RESERVED,
};

export const notifyChannelParameter: ScaffoldParameter = {
  name: 'notifyChannel',
  label: 'PostgreSQL NOTIFY channel that wakes the relay',
  default: 'outbox_wakeup',
  pattern: SQL_TABLE,
  reserved: SQL_RESERVED,
};
