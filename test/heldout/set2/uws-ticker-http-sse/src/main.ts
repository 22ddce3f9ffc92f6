import { startFeed } from './feed.js';
import { startWs } from './wsServer.js';
import { startHttp } from './httpServer.js';

const nc = await startFeed();
startWs(9001);
startHttp(nc, 8080);
