import type { Express, Request, Response } from 'express';
import { NOTIFICATION_EVENT, notificationBus, type BrowserNotification } from './bus';

export function mountNotificationStream(app: Express): void {
  app.get('/api/notifications/stream', (req: Request, res: Response) => {
    const customerId = String(req.signedCookies.customerId ?? '');
    if (!customerId) {
      res.status(401).end();
      return;
    }

    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });

    const forward = (notification: BrowserNotification) => {
      if (notification.customerId !== customerId) return;
      res.write(`event: notification\nid: ${notification.id}\ndata: ${JSON.stringify(notification)}\n\n`);
    };
    notificationBus.on(NOTIFICATION_EVENT, forward);

    req.on('close', () => {
      notificationBus.off(NOTIFICATION_EVENT, forward);
    });
  });
}
