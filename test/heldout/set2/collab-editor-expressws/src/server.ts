import express from 'express';
import expressWs from 'express-ws';
import type WebSocket from 'ws';
import { DocBus } from './bus';
import { appendUpdate, loadUpdates } from './store';

const { app } = expressWs(express());
const bus = new DocBus();
const rooms = new Map<string, Set<WebSocket>>();

bus.onUpdate((docId, update) => {
  for (const peer of rooms.get(docId) ?? []) peer.send(update);
});

app.ws('/docs/:docId', async (ws, req) => {
  const { docId } = req.params;
  const peers = rooms.get(docId) ?? new Set<WebSocket>();
  peers.add(ws);
  rooms.set(docId, peers);

  for (const update of await loadUpdates(docId)) ws.send(update);

  ws.on('message', async (data: Buffer) => {
    await appendUpdate(docId, data);
    await bus.publishUpdate(docId, data);
  });

  ws.on('close', () => peers.delete(ws));
});

app.post('/awareness', express.text(), async (req, res) => {
  await bus.broadcastAwareness(req.body);
  res.sendStatus(204);
});

void bus.start().then(() => app.listen(4444));
