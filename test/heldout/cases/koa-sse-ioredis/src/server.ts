import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { adminRouter } from './routes/admin';
import { startListening, streamRouter } from './routes/stream';

const app = new Koa();
app.use(bodyParser());
app.use(streamRouter.routes()).use(streamRouter.allowedMethods());
app.use(adminRouter.routes());

app.on('error', (err) => console.error('koa', err));

await startListening();
app.listen(Number(process.env.PORT ?? 8080));
