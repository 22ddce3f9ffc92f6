import { Router, type Request, type Response } from 'express';
import { DEPLOY_FINISHED, deployBus } from '../bus';

export const deploysRouter = Router();

deploysRouter.get('/deploys/:service/stream', (req: Request, res: Response) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  const forward = (event: string | string[], payload: unknown) =>
    res.write(`event: ${String(event)}\ndata: ${JSON.stringify(payload)}\n\n`);
  const pattern = `deploy.${req.params.service}.*`;
  deployBus.on(pattern, function (this: { event: string }, payload: unknown) {
    forward(this.event, payload);
  });
  req.on('close', () => deployBus.removeAllListeners(pattern));
});

deploysRouter.post('/deploys/:service', (req, res) => {
  const { service } = req.params;
  deployBus.emit(['deploy', service, 'started'], { at: Date.now() });
  setTimeout(() => {
    deployBus.emit(`deploy.${service}.progress`, { pct: 50 });
    deployBus.emit(DEPLOY_FINISHED, { service });
  }, 1000);
  res.status(202).json({ service });
});
