// SSE endpoint scaffold: the default transport for server → client push (principle `sse-default`).
import type { Scaffold, ScaffoldFile, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, intInRange, PATTERNS, resolveParams } from '../params';
import { nestTemplate, nextChannelTemplate, nextRouteTemplate } from './sseAppSources';
import { expressTemplate, fastifyTemplate, honoTemplate, nodeHttpTemplate } from './sseServerSources';
import { renderFile, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'route', label: 'URL path of the stream', default: '/events', pattern: PATTERNS.urlPath },
  { name: 'eventName', label: 'Default event name', default: 'message', pattern: PATTERNS.eventName },
  { name: 'heartbeatMs', label: 'Heartbeat interval (ms)', default: '15000', pattern: PATTERNS.positiveInt },
  { name: 'replaySize', label: 'Events kept for Last-Event-ID resume', default: '500', pattern: PATTERNS.positiveInt },
  { name: 'retryMs', label: 'Client reconnection delay (ms)', default: '3000', pattern: PATTERNS.positiveInt },
];

const variants: ScaffoldVariant[] = [
  { id: 'node-http', label: 'node:http', dependencies: [] },
  { id: 'express', label: 'Express', prefers: ['express'], dependencies: ['express', '@types/express'] },
  { id: 'fastify', label: 'Fastify', prefers: ['fastify'], dependencies: ['fastify'] },
  { id: 'hono', label: 'Hono', prefers: ['hono'], dependencies: ['hono', '@hono/node-server'] },
  { id: 'nextjs', label: 'Next.js App Router route handler', prefers: ['next'], dependencies: ['next'] },
  {
    id: 'nestjs',
    label: 'NestJS @Sse',
    prefers: ['@nestjs/core'],
    dependencies: ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', 'rxjs', 'reflect-metadata'],
  },
];

const singleFile: Record<string, { path: string; template: Template }> = {
  'node-http': { path: 'src/realtime/sseServer.ts', template: nodeHttpTemplate },
  express: { path: 'src/realtime/sseRouter.ts', template: expressTemplate },
  fastify: { path: 'src/realtime/ssePlugin.ts', template: fastifyTemplate },
  hono: { path: 'src/realtime/sseRoute.ts', template: honoTemplate },
  nestjs: { path: 'src/realtime/events.controller.ts', template: nestTemplate },
};

const COMMON_NOTES = [
  'Behind NGINX or Caddy, add the matching proxy block (scaffold "SSE reverse proxy").',
  'Publish with events.publish(payload, eventName); clients resume from the replay buffer via Last-Event-ID.',
];

function nextFiles(values: Record<string, string>): ScaffoldFile[] {
  const segments = (values.route ?? '/').split('/').filter((s) => s !== '');
  const ups = '../'.repeat(segments.length + 1);
  return [
    renderFile('lib/realtime/sseChannel.ts', 'typescript', nextChannelTemplate, values),
    renderFile(['app', ...segments, 'route.ts'].join('/'), 'typescript', nextRouteTemplate(`${ups}lib/realtime/sseChannel`), values),
  ];
}

export const sseEndpointScaffold: Scaffold = {
  id: 'sse-endpoint',
  title: 'SSE endpoint with replay and heartbeats',
  principle: 'sse-default',
  description:
    'A Server-Sent Events endpoint: text/event-stream with no-cache and X-Accel-Buffering: no, heartbeat comments, numbered events replayed on reconnect from Last-Event-ID, and client cleanup on disconnect.',
  variants,
  parameters,
  snippetPrefix: 'ea-sse-endpoint',
  generate(variantId, params) {
    const variant = findVariant({ id: 'sse-endpoint', variants }, variantId);
    const values = resolveParams(parameters, params);
    intInRange(values, 'heartbeatMs', 100, 300_000);
    intInRange(values, 'replaySize', 1, 100_000);
    intInRange(values, 'retryMs', 100, 600_000);
    const notes = [...COMMON_NOTES];
    if (variant.dependencies.length > 0) notes.unshift(`npm install ${variant.dependencies.join(' ')}`);
    if (variant.id === 'nextjs') return { files: nextFiles(values), notes };
    if (variant.id === 'nestjs') {
      notes.push('NestJS needs "experimentalDecorators" and "emitDecoratorMetadata" in tsconfig and `import "reflect-metadata"` at startup.');
    }
    const file = singleFile[variant.id];
    if (!file) throw new Error(`sse-endpoint: variant ${variant.id} has no template`);
    return { files: [renderFile(file.path, 'typescript', file.template, values)], notes };
  },
};
