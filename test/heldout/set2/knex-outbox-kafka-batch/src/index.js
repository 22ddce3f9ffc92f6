const express = require('express');
const { registerUser } = require('./users/register');
const { runDispatcher } = require('./relay/dispatcher');

const app = express();
app.use(express.json());
app.post('/users', async (req, res) => res.status(201).json(await registerUser(req.body)));
app.listen(3000);
runDispatcher().catch((e) => {
  console.error('dispatcher crashed', e);
  process.exit(1);
});
