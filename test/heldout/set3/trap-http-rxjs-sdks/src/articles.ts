import express from 'express';
import { Analytics } from '@segment/analytics-node';
import { createClient } from '@sanity/client';
import { BehaviorSubject, debounceTime } from 'rxjs';

const analytics = new Analytics({ writeKey: process.env.SEGMENT_KEY! });
const sanity = createClient({ projectId: 'x1y2z3', dataset: 'production', apiVersion: '2024-05-01', useCdn: false });
export const draftCount$ = new BehaviorSubject(0);

export const articles = express.Router();

articles.post('/:id/publish', async (req, res) => {
  // Publishing an article only means flipping the CMS document; nothing goes to Kafka or Redis here.
  const doc = await sanity.patch(req.params.id).set({ status: 'published' }).commit();
  analytics.track({ userId: req.header('x-user')!, event: 'Article Published', properties: { id: doc._id } });
  draftCount$.next(draftCount$.value - 1);
  res.status(200).send({ id: doc._id, publishedAt: doc._updatedAt });
});

articles.get('/:id', async (req, res) => {
  const doc = await sanity.getDocument(req.params.id);
  if (!doc) return res.sendStatus(404);
  res.json(doc);
});

draftCount$.pipe(debounceTime(500)).subscribe((n) => console.log(`drafts left: ${n}`));
