import express from 'express';
import { DEPLOY_FINISHED, deployBus } from './bus';
import { deploysRouter } from './routes/deploys';

const app = express();
app.use(express.json());
app.use(deploysRouter);

deployBus.once(DEPLOY_FINISHED, ({ service }: { service: string }) => console.log('first deploy done', service));

app.listen(5050);
