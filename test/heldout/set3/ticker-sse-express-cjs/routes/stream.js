'use strict';
const express = require('express');

module.exports = function streamRouter(feed) {
  const router = express.Router();

  router.get('/quotes', (req, res) => {
    const symbols = new Set(String(req.query.s || '').split(',').filter(Boolean));
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Type': 'text/event-stream',
      Connection: 'keep-alive',
    });
    res.flushHeaders();

    const onQuote = (q) => {
      if (symbols.size && !symbols.has(q.symbol)) return;
      res.write(`event: quote\ndata: ${JSON.stringify(q)}\n\n`);
    };
    const onHalt = (h) => res.write(`event: halt\ndata: ${JSON.stringify(h)}\n\n`);
    feed.on('quote', onQuote);
    feed.on('halt', onHalt);

    req.on('close', () => {
      feed.off('quote', onQuote);
      feed.off('halt', onHalt);
    });
  });

  return router;
};
