'use strict';

const express = require('express');
const { signUp, announce } = require('./lib/signup');
const startVerifiedWorker = require('./workers/verified');
require('./workers/emails');

const app = express();
app.use(express.json());

app.post('/signup', async (req, res, next) => {
  try {
    await signUp(req.body);
    await announce(req.body.id);
    res.status(201).send({ ok: true });
  } catch (err) {
    next(err);
  }
});

startVerifiedWorker().catch((err) => {
  console.error(err);
  process.exit(1);
});
app.listen(process.env.PORT || 3000);
