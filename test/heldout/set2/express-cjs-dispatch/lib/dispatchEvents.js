'use strict';
const EventEmitter = require('events');

class DispatchEvents extends EventEmitter {}

module.exports = new DispatchEvents();
