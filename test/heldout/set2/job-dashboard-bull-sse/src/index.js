const express = require('express');
const routes = require('./web/routes');
require('./jobs/processors');

const app = express();
app.use(express.json());
app.use('/api', routes);
app.listen(process.env.PORT || 3000, () => console.log('report-runner up'));
