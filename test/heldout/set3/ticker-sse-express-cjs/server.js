'use strict';
const express = require('express');
const compression = require('compression');
const { MarketFeed } = require('./lib/feed');
const streamRouter = require('./routes/stream');

const app = express();
const feed = new MarketFeed(process.env.REDIS_URL);

app.use(compression({ filter: (req, res) => !res.getHeader('Content-Type')?.toString().includes('event-stream') }));
app.use(express.static('public'));
app.use('/stream', streamRouter(feed));
app.get('/healthz', (_req, res) => res.send({ ok: true }));

feed.start().then(() => app.listen(process.env.PORT || 3000));
process.on('SIGTERM', () => process.exit(0));
