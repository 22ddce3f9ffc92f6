import express from 'express';
import { pool, producer } from './clients';
import { ordersRouter } from './routes';

const app = express();
app.use(express.json());
app.use(ordersRouter);

await producer.connect();
const server = app.listen(Number(process.env.PORT ?? 4001), () => {
  console.log('orders listening');
});

process.on('SIGTERM', async () => {
  server.close();
  await producer.disconnect();
  await pool.end();
});
