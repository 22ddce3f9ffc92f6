const express = require('express');
const nodemailer = require('nodemailer');
const { Export } = require('./models');
const { listenForPriceChanges } = require('./listen');

const app = express();
const mailer = nodemailer.createTransport({ sendmail: true });
const prices = new Map();

app.get('/exports/:id/rows', async (req, res) => {
  res.setHeader('Content-Type', 'application/x-ndjson');
  const cursor = Export.find({ owner: req.params.id }).cursor();
  cursor.on('data', (doc) => res.write(JSON.stringify(doc) + '\n'));
  cursor.on('end', () => res.end());
  req.on('close', () => cursor.close());
});

app.post('/exports', express.json(), async (req, res) => {
  const doc = await Export.create({ owner: req.body.owner, status: 'pending', rows: 0 });
  await mailer.sendMail({ to: req.body.notify, subject: 'Export started', text: String(doc._id) });
  res.status(201).send(doc);
});

app.get('/exports/:id/download', (req, res) => {
  res.set('Content-Type', 'text/csv');
  res.attachment('export.csv');
  res.send('sku,qty\n');
});

listenForPriceChanges((p) => prices.set(p.sku, p.cents)).catch((e) => console.error(e));
app.listen(3000);
