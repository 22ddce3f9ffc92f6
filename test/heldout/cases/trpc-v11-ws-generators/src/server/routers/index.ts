import { router } from '../trpc';
import { auctionRouter } from './auction';

export const appRouter = router({ auction: auctionRouter });
export type AppRouter = typeof appRouter;
