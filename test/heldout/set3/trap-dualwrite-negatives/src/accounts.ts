import { domainEvents, pool, producer, redis } from './infra';

export async function rename(accountId: string, name: string) {
  await pool.query('UPDATE accounts SET name = $1 WHERE id = $2', [name, accountId]);
  domainEvents.emit('account.renamed', { accountId, name });
}

export async function closeAccount(accountId: string) {
  await pool.query('UPDATE accounts SET closed_at = now() WHERE id = $1', [accountId]);
  await fetch(process.env.CRM_WEBHOOK!, { method: 'POST', body: JSON.stringify({ accountId, event: 'closed' }) });
}

export async function touch(accountId: string, mode: 'persist' | 'announce') {
  if (mode === 'persist') {
    await pool.query('UPDATE accounts SET last_seen = now() WHERE id = $1', [accountId]);
    return;
  }
  await redis.publish('accounts:seen', accountId);
}

export async function exportSnapshot(accountId: string) {
  const { rows } = await pool.query('SELECT * FROM accounts WHERE id = $1', [accountId]);
  await producer.send({ topic: 'accounts.snapshots', messages: [{ key: accountId, value: JSON.stringify(rows[0]) }] });
}

export async function suspend(accountId: string, reason: string) {
  await pool.query('INSERT INTO audit_log (account_id, action, detail) VALUES ($1, $2, $3)', [accountId, 'suspend', reason]);
  await pool.query('UPDATE accounts SET suspended = true WHERE id = $1', [accountId]);
  await producer.send({ topic: 'accounts.suspended', messages: [{ key: accountId, value: reason }] });
}
