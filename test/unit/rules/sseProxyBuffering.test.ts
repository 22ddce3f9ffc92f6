import { describe, expect, it } from 'vitest';
import { brief, count, evaluateTree, findingsFor, pkg } from './ruleTree';

const buffering = (lines: string[]) => lines.filter((l) => l.startsWith('sse-proxy-buffering'));

const streamApp = (extraHeader = '') => `import express from 'express';
export const app = express();
app.get('/api/live/scores', (req, res) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',${extraHeader}
    'Cache-Control': 'no-cache',
  });
  const timer = setInterval(() => res.write(': ping\\n\\n'), 15_000);
  req.on('close', () => clearInterval(timer));
});
`;

const nginx = (location: string, serverExtra = '') => `events {}
http {
  upstream api { server api:3000; }
  server {
    listen 80;${serverExtra}
    location /api {
      proxy_pass http://api;
    }
${location}
  }
}
`;

describe('rule sse-proxy-buffering', () => {
  it('flags the nginx location that proxies an SSE route with buffering on, pointing back at the endpoint', async () => {
    const findings = await findingsFor({
      'package.json': pkg('scores', { express: '4.21.2' }),
      'src/app.ts': streamApp(),
      'deploy/nginx/default.conf': nginx(`    location /api/live/ {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection '';
    }`),
    });
    expect(buffering(brief(findings))).toEqual(['sse-proxy-buffering warning deploy/nginx/default.conf:9']);
    const f = findings.find((x) => x.ruleId === 'sse-proxy-buffering');
    expect(f?.message).toBe(
      "NGINX `location /api/live/` proxies the SSE route `/api/live/scores` without `proxy_buffering off`: events wait in the proxy's buffer instead of reaching the browser.",
    );
    expect(f).toMatchObject({ column: 5, endColumn: 13, fixes: [{ scaffoldId: 'sse-reverse-proxy', variantId: 'nginx' }] });
    expect(f?.related).toEqual([{ file: 'src/app.ts', root: expect.any(String), line: 5, message: 'SSE endpoint /api/live/scores' }]);
  });

  it('falls back to the longest prefix (`location /api`) when no closer location exists', async () => {
    const findings = await findingsFor({
      'package.json': pkg('scores', { express: '4.21.2' }),
      'src/app.ts': streamApp(),
      'nginx.conf': nginx(''),
    });
    expect(buffering(brief(findings))).toEqual(['sse-proxy-buffering warning nginx.conf:6']);
  });

  it('honours proxy_buffering off in the location or the server, a winning regex location, and X-Accel-Buffering', async () => {
    const cases: Record<string, string>[] = [
      { 'nginx.conf': nginx('    location /api/live/ {\n      proxy_pass http://api;\n      proxy_buffering off;\n    }') },
      { 'nginx.conf': nginx('', '\n    proxy_buffering off;') },
      { 'nginx.conf': nginx('    location ~ ^/api/live/[a-z]+$ {\n      proxy_pass http://api;\n      proxy_buffering off;\n    }') },
      { 'nginx.conf': nginx(''), 'src/app.ts': streamApp("\n    'X-Accel-Buffering': 'no',") },
    ];
    for (const files of cases) {
      const { findings, kinds } = await evaluateTree({ 'package.json': pkg('scores', { express: '4.21.2' }), 'src/app.ts': streamApp(), ...files });
      expect(count(kinds, 'sse.endpoint')).toBe(1);
      expect(buffering(brief(findings))).toEqual([]);
    }
  });

  it('lets a `^~` prefix beat a regex, as nginx does', async () => {
    const findings = await findingsFor({
      'package.json': pkg('scores', { express: '4.21.2' }),
      'src/app.ts': streamApp(),
      'nginx.conf': nginx(`    location ^~ /api/live/ {
      proxy_pass http://api;
    }
    location ~ /scores$ {
      proxy_pass http://api;
      proxy_buffering off;
    }`),
    });
    expect(buffering(brief(findings))).toEqual(['sse-proxy-buffering warning nginx.conf:9']);
  });

  it('uses the path the browser opens when the node:http endpoint has no static route', async () => {
    const server = (extra: string) => `import { createServer } from 'node:http';
createServer((req, res) => {
  if (req.url?.startsWith('/events')) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream',${extra} 'Cache-Control': 'no-cache' });
    const timer = setInterval(() => res.write(': ping\\n\\n'), 15_000);
    req.on('close', () => clearInterval(timer));
    return;
  }
  res.writeHead(404).end();
}).listen(3000);
`;
    const files = (extra: string) => ({
      'server/package.json': pkg('ticker', {}),
      'server/src/index.ts': server(extra),
      'web/package.json': pkg('web', { react: '19.0.0' }),
      'web/src/useTicker.ts': `export function openTicker(onTick: (data: string) => void): () => void {
  const source = new EventSource('/events');
  source.onmessage = (event) => onTick(event.data);
  return () => source.close();
}
`,
      'infra/nginx.conf': 'http {\n  server {\n    location /events {\n      proxy_pass http://ticker:3000;\n    }\n  }\n}\n',
    });
    const buffered = await evaluateTree(files(''));
    expect(count(buffered.kinds, 'sse.endpoint')).toBe(1);
    expect(buffered.findings.filter((f) => f.ruleId === 'sse-proxy-buffering').map((f) => `${f.file}:${f.line} ${f.related?.[0]?.message ?? ''}`)).toEqual([
      'infra/nginx.conf:3 SSE client of /events',
    ]);
    const unbuffered = await findingsFor(files(" 'X-Accel-Buffering': 'no',"));
    expect(buffering(brief(unbuffered))).toEqual([]);
  });
});
