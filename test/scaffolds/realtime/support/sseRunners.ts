// Test-side entry points that start each generated SSE endpoint on its real framework, written into the
// temp project next to the generated code (so they are type-checked with it and bundled with it).
import type { ProjectFile } from '../../harness/index';

/** What every runner exports as `start()`. */
export interface RunningSse {
  port: number;
  publish(payload: unknown, event?: string): number;
  clientCount(): number;
  /** Cuts every open connection, as a network drop or a proxy restart would. */
  dropConnections(): void;
  close(): Promise<void>;
}

export interface SseRunnerModule {
  /** Port 0 picks a free one; a fixed port restarts "the same" server (the node:http runner honours it). */
  start(port?: number): Promise<RunningSse>;
}

const common = `import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Channel {
  publish(payload: unknown, event?: string): { id: number };
  readonly clientCount: number;
}

export function running(server: Server, events: Channel, close?: () => Promise<void>) {
  return {
    port: (server.address() as AddressInfo).port,
    publish: (payload: unknown, event?: string) => events.publish(payload, event).id,
    clientCount: () => events.clientCount,
    dropConnections: () => server.closeAllConnections(),
    close:
      close ??
      (() =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        })),
  };
}

export function listening(server: Server, port = 0): Promise<void> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
}
`;

const runners: Record<string, string> = {
  'node-http': `import { createSseServer, events } from '../node-http/src/realtime/sseServer.js';
import { listening, running } from './common.js';

export async function start(port = 0) {
  const server = createSseServer();
  await listening(server, port);
  return running(server, events);
}
`,
  express: `import express from 'express';
import { createServer } from 'node:http';
import { events, sseRouter } from '../express/src/realtime/sseRouter.js';
import { listening, running } from './common.js';

export async function start() {
  const app = express();
  app.use(sseRouter);
  const server = createServer(app);
  await listening(server);
  return running(server, events);
}
`,
  fastify: `import Fastify from 'fastify';
import { events, ssePlugin } from '../fastify/src/realtime/ssePlugin.js';
import { running } from './common.js';

export async function start() {
  const app = Fastify();
  await app.register(ssePlugin);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return running(app.server, events, async () => {
    app.server.closeAllConnections();
    await app.close();
  });
}
`,
  hono: `import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { events, sseApp } from '../hono/src/realtime/sseRoute.js';
import { listening, running } from './common.js';

export async function start() {
  const app = new Hono().route('/', sseApp);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await listening(server);
  return running(server, events);
}
`,
  nestjs: `import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { EventsModule, events } from '../nestjs/src/realtime/events.controller.js';
import { running } from './common.js';

export async function start() {
  const app = await NestFactory.create(EventsModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  return running(server, events, async () => {
    server.closeAllConnections();
    await app.close();
  });
}
`,
};

/** The Next.js route handler is served by a plain Node server that hands it web Requests. */
const nextRunner = (route: string): string => `import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { GET } from '../nextjs/app${route}/route';
import { events } from '../nextjs/lib/realtime/sseChannel';
import { listening, running } from './common';

export async function start() {
  const server = createAdaptorServer({
    fetch: (request: Request) =>
      new URL(request.url).pathname === '${route}' ? GET(request) : new Response('not found', { status: 404 }),
  }) as Server;
  await listening(server);
  return running(server, events);
}
`;

export function sseRunnerFiles(variants: readonly string[]): ProjectFile[] {
  const files: ProjectFile[] = [{ path: 'runners/common.ts', content: common }];
  for (const variant of variants) {
    const source = runners[variant];
    if (!source) throw new Error(`no runner for ${variant}`);
    files.push({ path: `runners/${variant}.ts`, content: source });
  }
  return files;
}

export function nextRunnerFiles(route: string): ProjectFile[] {
  return [
    { path: 'runners/common.ts', content: common.replace(/\.js'/g, "'") },
    { path: 'runners/nextjs.ts', content: nextRunner(route) },
  ];
}
