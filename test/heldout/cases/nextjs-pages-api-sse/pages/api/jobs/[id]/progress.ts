import type { NextApiRequest, NextApiResponse } from 'next';
import { progressBus } from '../../../../lib/progress';

export const config = { api: { responseLimit: false } };

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id);
  res.writeHead(200, {
    Connection: 'keep-alive',
    'Content-Encoding': 'none',
    'Cache-Control': 'no-cache, no-transform',
    'Content-Type': 'text/event-stream',
  });
  const onProgress = (pct: number) => res.write(`data: ${JSON.stringify({ pct })}\n\n`);
  progressBus.on(`job:${id}`, onProgress);
  req.on('close', () => progressBus.off(`job:${id}`, onProgress));
}
