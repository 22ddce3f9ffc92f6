// Type-only mirror of the server router, generated at build time.
export type AppRouter = import('@trpc/server').AnyRouter;
