import type { NextApiRequest, NextApiResponse } from 'next';

export default async function clock(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET') {
    res.status(405).json({ error: 'method not allowed' });
    return;
  }
  res.setHeader('Content-Type', 'text/event-stream;charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.flushHeaders();
  const timer = setInterval(() => res.write(`event: tick\ndata: ${new Date().toISOString()}\n\n`), 1000);
  res.on('close', () => clearInterval(timer));
}
