'use strict';
const http = require('http');
const express = require('express');
const bodyParser = require('body-parser');
const deliveries = require('./routes/deliveries');
const dispatchEvents = require('./lib/dispatchEvents');
const { QUEUES, getChannel } = require('./lib/amqp');

const app = express();
app.use(bodyParser.json());
app.use('/deliveries', deliveries);

const server = http.createServer(app);
const io = require('socket.io')(server, { path: '/rt' });

io.on('connection', function (socket) {
  socket.on('courier:online', function (courierId) {
    socket.join('courier:' + courierId);
  });
});

dispatchEvents.on('delivery:assigned', function (evt) {
  io.to('courier:' + evt.courierId).emit('delivery:assigned', evt);
});

getChannel().then(function (ch) {
  ch.consume(QUEUES.assigned, function (msg) {
    const evt = JSON.parse(msg.content.toString());
    io.emit('delivery:geocoded', evt);
    ch.ack(msg);
  });
});

server.listen(process.env.PORT || 3000);
