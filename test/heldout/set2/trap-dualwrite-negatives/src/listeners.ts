import { local, log } from './infra.js';

local.on('points-awarded', (e: { memberId: string; points: number }) => log.debug(e, 'awarded'));
local.on('balances-rebuilt', (n: number) => log.info({ n }, 'rebuilt'));
