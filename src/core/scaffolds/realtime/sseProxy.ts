// Reverse-proxy blocks that let SSE through unbuffered (principle `sse-default`: "NGINX requires
// proxy_buffering off; Caddy requires flush_interval -1").
import type { Scaffold, ScaffoldParameter, ScaffoldVariant } from '../types';
import { findVariant, PATTERNS, resolveParams, ScaffoldInputError } from '../params';
import { renderFile, type Template } from '../template';

const parameters: ScaffoldParameter[] = [
  { name: 'route', label: 'URL path of the stream', default: '/events', pattern: PATTERNS.urlPath },
  { name: 'upstream', label: 'Upstream host:port', default: '127.0.0.1:3000', pattern: PATTERNS.hostPort },
  { name: 'readTimeout', label: 'Idle read timeout', default: '1h', pattern: PATTERNS.duration },
];

const variants: ScaffoldVariant[] = [
  { id: 'nginx', label: 'NGINX location block', prefers: ['nginx'], dependencies: [] },
  { id: 'caddy', label: 'Caddy reverse_proxy block', prefers: ['caddy'], dependencies: [] },
];

const nginxTemplate: Template = (slot) => `# Server-Sent Events: pass each event on as soon as the upstream writes it.
# Place inside the server { } block that serves the app.
location ${slot('route')} {
    proxy_pass http://${slot('upstream')};
    # HTTP/1.1 with an empty Connection header keeps the upstream connection streaming.
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    # Buffering (and caching or compressing) would hold events back until a buffer fills.
    proxy_buffering off;
    proxy_cache off;
    gzip off;
    # The stream is idle between events; heartbeats must arrive within these timeouts.
    proxy_read_timeout ${slot('readTimeout')};
    proxy_send_timeout ${slot('readTimeout')};
}
`;

const caddyTemplate: Template = (slot) => `# Server-Sent Events: flush every write to the client immediately.
# Place inside the site block that serves the app, before any catch-all handle.
@sse path ${slot('route')} ${slot('route')}/*
handle @sse {
	reverse_proxy ${slot('upstream')} {
		flush_interval -1
		transport http {
			# The stream is idle between events; heartbeats must arrive within this timeout.
			read_timeout ${slot('readTimeout')}
		}
	}
}
`;

export const sseProxyScaffold: Scaffold = {
  id: 'sse-reverse-proxy',
  title: 'SSE reverse proxy (NGINX / Caddy)',
  principle: 'sse-default',
  description:
    'Proxy configuration that streams Server-Sent Events without buffering: NGINX proxy_buffering off with HTTP/1.1 and long read timeouts; Caddy reverse_proxy with flush_interval -1.',
  variants,
  parameters,
  snippetPrefix: 'ea-sse-proxy',
  generate(variantId, params) {
    const variant = findVariant({ id: 'sse-reverse-proxy', variants }, variantId);
    const values = resolveParams(parameters, params);
    const port = Number((values.upstream ?? '').split(':').pop());
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new ScaffoldInputError(`Parameter "upstream" needs a port between 1 and 65535, got ${JSON.stringify(values.upstream)}`);
    }
    const file =
      variant.id === 'caddy'
        ? renderFile('deploy/caddy/sse.caddy', 'caddyfile', caddyTemplate, values)
        : renderFile('deploy/nginx/sse.conf', 'nginx', nginxTemplate, values);
    return { files: [file], notes: [variant.id === 'caddy' ? 'Reload with `caddy reload`.' : 'Check with `nginx -t`, then `nginx -s reload`.'] };
  },
};
