import { createServer } from 'node:http';
import { createIo } from './io';
import { notifyTicket, registerAdmin } from './namespaces/admin';

const httpServer = createServer((req, res) => {
  if (req.url === '/tickets/touch' && req.method === 'POST') {
    notifyTicket(io, 'T-1', 'A-1');
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404).end();
});

const io = createIo(httpServer);
registerAdmin(io);

io.on('connection', (socket) => {
  socket.on('ticket:watch', (ticketId: string) => socket.join(`ticket:${ticketId}`));
  socket.on('disconnect', (reason) => console.info('left', reason));
});

httpServer.listen(4010);
