// "Which transport for server push?" — SSE by default, WebSocket only for genuine two-way traffic (then
// scaled with a pub/sub adapter), and no push at all when only the user's own actions change the data.
import { defineTree } from '../types';

export const serverPushTransport = defineTree({
  id: 'server-push-transport',
  title: 'Which transport for server push?',
  description: 'SSE, WebSocket or plain fetching: pick the simplest transport that carries your traffic.',
  principles: ['sse-default', 'websocket-pubsub-scaling', 'optimistic-updates'],
  root: 'shared',
  nodes: {
    shared: {
      kind: 'question',
      prompt: 'Does the data this client shows change because of someone or something other than this user?',
      help: 'Other users, background jobs, other services, a streaming model…',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Escalate to real-time server push (SSE/WebSocket invalidation) when multiple users share state.',
      },
      answers: [
        { label: 'No — only this user’s own actions change it', next: 'noPush' },
        { label: 'Yes — the server has news the client must see', next: 'direction' },
      ],
    },
    direction: {
      kind: 'question',
      prompt: 'Which way do the messages flow?',
      grounding: {
        principle: 'sse-default',
        quote: 'Reserve WebSockets for cases that require genuine bidirectional communication.',
      },
      answers: [
        {
          label: 'Server → client only',
          detail: 'Notifications, live feeds, LLM token streaming, dashboards, progress events, read-model updates',
          next: 'stack',
        },
        {
          label: 'Both ways, continuously',
          detail: 'Chat, multiplayer gaming, collaborative editing, high-frequency low-latency exchanges',
          next: 'instances',
        },
      ],
    },
    stack: {
      kind: 'question',
      prompt: 'Does the API already use tRPC v11?',
      grounding: {
        principle: 'sse-default',
        quote: "tRPC v11's `httpSubscriptionLink` provides typed SSE subscriptions without a WebSocket server.",
      },
      answers: [
        { label: 'Yes, tRPC v11', next: 'trpcSse' },
        { label: 'No, plain HTTP handlers (Express, Fastify, Next.js…)', next: 'proxy' },
      ],
    },
    proxy: {
      kind: 'question',
      prompt: 'What sits in front of the Node server?',
      help: 'A buffering reverse proxy holds SSE events back until its buffer fills.',
      grounding: {
        principle: 'sse-default',
        quote: 'NGINX requires `proxy_buffering off`; Caddy requires `flush_interval -1`.',
      },
      answers: [
        { label: 'NGINX', next: 'sseNginx' },
        { label: 'Caddy', next: 'sseCaddy' },
        { label: 'Nothing, or a CDN / edge runtime', next: 'ssePlain' },
      ],
    },
    instances: {
      kind: 'question',
      prompt: 'How many server instances hold WebSocket connections?',
      help: 'A Node.js process handles roughly 10,000–30,000 concurrent connections.',
      grounding: {
        principle: 'websocket-pubsub-scaling',
        quote: 'Any WebSocket deployment with more than one server instance.',
      },
      answers: [
        { label: 'One (development, low traffic)', next: 'wsSingle' },
        { label: 'More than one, or growing past one process', next: 'wsLibrary' },
        { label: 'A managed service (Ably, Pusher) holds them', next: 'wsManaged' },
      ],
    },
    wsLibrary: {
      kind: 'question',
      prompt: 'Which WebSocket library do the servers use?',
      grounding: {
        principle: 'websocket-pubsub-scaling',
        quote: 'Every WebSocket server instance subscribes to the broker; messages published by any instance fan out to all connected clients regardless of which instance holds their connection.',
      },
      answers: [
        { label: 'socket.io', next: 'wsAdapter' },
        { label: '`ws` (or another plain WebSocket server)', next: 'wsFanout' },
      ],
    },
    noPush: {
      kind: 'leaf',
      title: 'No push channel: fetch, and update optimistically',
      recommendation:
        'Nothing needs to be pushed: fetch on demand and apply the user’s own mutations optimistically. Add SSE invalidation later, when several users come to share this state.',
      notes: ['Polling on an interval is the fallback only when a change must appear without any push channel.'],
      principle: 'optimistic-updates',
      grounding: {
        principle: 'optimistic-updates',
        quote: 'Default to optimistic updates for user-facing mutations.',
      },
      scaffoldId: 'optimistic-mutation',
      seeAlso: ['mutation-ui-update'],
    },
    trpcSse: {
      kind: 'leaf',
      title: 'tRPC subscription over SSE',
      recommendation:
        'Declare a subscription procedure and connect it with `httpSubscriptionLink`: typed server push over SSE, no WebSocket server.',
      notes: ['Behind NGINX set `proxy_buffering off`; behind Caddy set `flush_interval -1`.'],
      principle: 'sse-default',
      grounding: {
        principle: 'sse-default',
        quote: "tRPC v11's `httpSubscriptionLink` provides typed SSE subscriptions without a WebSocket server.",
      },
      scaffoldId: 'trpc-sse-subscription',
    },
    sseNginx: {
      kind: 'leaf',
      title: 'SSE behind NGINX',
      recommendation:
        'Serve an SSE endpoint and turn response buffering off for its location in NGINX (`proxy_buffering off`), or events arrive in bursts.',
      notes: ['This inserts the proxy block; the endpoint itself is the `sse-endpoint` scaffold.'],
      principle: 'sse-default',
      grounding: { principle: 'sse-default', quote: 'NGINX requires `proxy_buffering off`' },
      scaffoldId: 'sse-reverse-proxy',
      variantId: 'nginx',
    },
    sseCaddy: {
      kind: 'leaf',
      title: 'SSE behind Caddy',
      recommendation:
        'Serve an SSE endpoint and set `flush_interval -1` on the Caddy `reverse_proxy` so every event is flushed at once.',
      notes: ['This inserts the proxy block; the endpoint itself is the `sse-endpoint` scaffold.'],
      principle: 'sse-default',
      grounding: { principle: 'sse-default', quote: 'Caddy requires `flush_interval -1`' },
      scaffoldId: 'sse-reverse-proxy',
      variantId: 'caddy',
    },
    ssePlain: {
      kind: 'leaf',
      title: 'Server-Sent Events',
      recommendation:
        'Serve `text/event-stream` from a plain HTTP endpoint. It passes proxies, CDNs and firewalls, and the browser reconnects by itself.',
      notes: ['If a reverse proxy is added later: NGINX needs `proxy_buffering off`, Caddy `flush_interval -1`.'],
      principle: 'sse-default',
      grounding: {
        principle: 'sse-default',
        quote: 'SSE is plain HTTP — it works through every proxy, CDN, firewall, and edge runtime without special configuration.',
      },
      scaffoldId: 'sse-endpoint',
    },
    wsSingle: {
      kind: 'leaf',
      title: 'WebSocket on a single instance',
      recommendation:
        'A single WebSocket server is enough for now; no adapter is needed. Plan the pub/sub adapter before adding a second instance.',
      notes: ['You still own heartbeats and reconnection logic on the client.'],
      principle: 'websocket-pubsub-scaling',
      grounding: { principle: 'websocket-pubsub-scaling', quote: 'Single-instance deployments (development, low-traffic).' },
    },
    wsAdapter: {
      kind: 'leaf',
      title: 'WebSocket with a Redis pub/sub adapter',
      recommendation:
        'Give every instance the shared pub/sub adapter (Redis or NATS) instead of sticky sessions: a message published on any instance reaches clients on all of them.',
      notes: ['Add instances + adapter rather than scaling one server vertically.'],
      principle: 'websocket-pubsub-scaling',
      grounding: {
        principle: 'websocket-pubsub-scaling',
        quote: 'use a shared pub/sub adapter (Redis, NATS) rather than sticky load balancing',
      },
      scaffoldId: 'socketio-redis-adapter',
    },
    wsFanout: {
      kind: 'leaf',
      title: 'ws servers fanned out through Redis Pub/Sub',
      recommendation:
        'Publish every outgoing message to a Redis channel; each instance subscribes and delivers it to the sockets it holds. No sticky sessions.',
      notes: ['Add instances + Redis rather than scaling one server vertically.'],
      principle: 'websocket-pubsub-scaling',
      grounding: {
        principle: 'websocket-pubsub-scaling',
        quote: 'Message arrives at any server → published to broker → all instances deliver to their local connected clients.',
      },
      scaffoldId: 'ws-redis-fanout',
    },
    wsManaged: {
      kind: 'leaf',
      title: 'Let the managed service fan out',
      recommendation: 'The managed WebSocket service already routes messages across its nodes; publish to its API.',
      notes: [],
      principle: 'websocket-pubsub-scaling',
      grounding: {
        principle: 'websocket-pubsub-scaling',
        quote: 'Managed WebSocket services (Ably, Pusher) handle this infrastructure for you.',
      },
    },
  },
});
