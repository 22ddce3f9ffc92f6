import express from 'express';
import expressWs from 'express-ws';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { docOutbox, documents } from '../db/schema';
import { hub } from '../hub';

const { app } = expressWs(express());

app.ws('/docs/:id', (ws, req) => {
  const docId = req.params.id;
  const onEdit = (edit: { docId: string }) => edit.docId === docId && ws.send(JSON.stringify(edit));
  hub.on('doc.edited', onEdit);

  ws.on('message', async (raw) => {
    const { body } = JSON.parse(String(raw));
    await db.transaction(async (tx) => {
      await tx.update(documents).set({ body }).where(eq(documents.id, docId));
      await tx.insert(docOutbox).values({ docId, eventType: 'doc.edited', payload: { length: body.length } });
    });
    hub.emit('doc.edited', { docId, body });
  });
  ws.on('close', () => hub.off('doc.edited', onEdit));
});

hub.on('doc.*', (payload: unknown) => console.debug('hub', payload));

export default app;
