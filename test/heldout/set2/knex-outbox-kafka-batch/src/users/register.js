const db = require('../db');

async function registerUser({ email, displayName }) {
  return db.transaction(async (trx) => {
    const [user] = await trx('users').insert({ email, display_name: displayName }).returning(['id', 'email']);
    await trx('event_outbox').insert({
      topic: 'identity.user-registered',
      key: String(user.id),
      payload: { id: user.id, email },
    });
    return user;
  });
}

module.exports = { registerUser };
