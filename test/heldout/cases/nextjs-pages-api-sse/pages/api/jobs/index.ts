import type { NextApiRequest, NextApiResponse } from 'next';
import { reportProgress } from '../../../lib/progress';

export default function start(req: NextApiRequest, res: NextApiResponse) {
  const id = Math.random().toString(36).slice(2);
  let pct = 0;
  const timer = setInterval(() => {
    pct += 10;
    reportProgress(id, pct);
    if (pct >= 100) clearInterval(timer);
  }, 500);
  res.status(202).json({ id });
}
