'use strict';

const { emailQueue } = require('../lib/clients');

emailQueue.process(5, async (job) => {
  console.log('sending %s to %s', job.data.template, job.data.to);
});

emailQueue.on('failed', (job, err) => console.error('email %s failed: %s', job.id, err.message));
