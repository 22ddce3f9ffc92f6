'use strict';
const Redis = require('ioredis');
const { EventEmitter } = require('node:events');
const channels = require('./channels');
const log = require('pino')({ name: 'feed' });

class MarketFeed extends EventEmitter {
  constructor(url) {
    super();
    this.setMaxListeners(0);
    this.redis = new Redis(url);
    this.redis.on('error', (err) => log.error(err));
  }

  async start() {
    await this.redis.subscribe(channels.QUOTES, channels.HALTS);
    await this.redis.psubscribe(channels.NEWS_PATTERN);
    this.redis.on('message', (channel, raw) => {
      const evt = channel === channels.QUOTES ? 'quote' : 'halt';
      this.emit(evt, JSON.parse(raw));
    });
    this.redis.on('pmessage', (_p, channel, raw) => this.emit('news', { channel, ...JSON.parse(raw) }));
  }
}

module.exports = { MarketFeed };
