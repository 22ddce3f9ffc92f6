const http = require('http');
const express = require('express');
const { Server } = require('socket.io');
const registerOrderHandlers = require('./handlers/orderHandler');
const registerUserHandlers = require('./handlers/userHandler');

const app = express();
const httpServer = http.createServer(app);
const io = new Server(httpServer, { cors: { origin: process.env.CLIENT_ORIGIN } });

const onConnection = (socket) => {
  registerOrderHandlers(io, socket);
  registerUserHandlers(io, socket);
};

io.on('connection', onConnection);

app.get('/health', (req, res) => res.json({ ok: true }));
httpServer.listen(process.env.PORT || 3000);
