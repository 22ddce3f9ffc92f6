import { WebSocket, WebSocketServer } from 'ws';
import { latestQuotes, startQuoteFeed } from './quotes';

const wss = new WebSocketServer({ port: Number(process.env.PORT ?? 4004), perMessageDeflate: false });

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'snapshot', quotes: latestQuotes() }));
  ws.on('error', (err) => console.warn('live-prices: client error', err.message));
});

const stopFeed = startQuoteFeed((quote) => {
  const frame = JSON.stringify({ type: 'quote', quote });
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(frame);
  }
});

process.on('SIGTERM', () => {
  stopFeed();
  wss.close();
});
