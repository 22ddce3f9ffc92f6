import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectConfigFiles } from '../../../src/core/rules/index';
import { effective, parseNginx, selectLocation, servers } from '../../../src/core/rules/deploy/nginx';
import { removeTree, writeTree } from '../analysis/tree';

describe('nginx parsing', () => {
  const conf = `# front door
http {
  proxy_buffering on;
  server {
    listen 80;
    location = /health { return 200; }
    location /api/ {
      proxy_pass http://api;
      location /api/stream {     # nested
        proxy_pass http://api;
        proxy_buffering "off";
      }
    }
    location ~* \\.(png|css)$ { root /srv; }
  }
}
`;
  const [entry] = servers(parseNginx(conf));

  it('selects locations like nginx: exact, longest prefix, nested, regex', () => {
    const pick = (p: string) => {
      const m = entry ? selectLocation(entry.server, entry.scopes, p) : undefined;
      return m ? `${m.location.args.join(' ')}@${m.location.line} buffering=${effective(m.scopes, 'proxy_buffering')?.args[0]}` : 'none';
    };
    expect(pick('/health')).toBe('= /health@6 buffering=on');
    expect(pick('/api/orders')).toBe('/api/@7 buffering=on');
    expect(pick('/api/stream')).toBe('/api/stream@9 buffering=off');
    expect(pick('/logo.PNG')).toBe('~* \\.(png|css)$@14 buffering=on');
    expect(pick('/other')).toBe('none');
  });

  it('keeps going on an unbalanced file', () => {
    expect(() => servers(parseNginx('http { server { location / { proxy_pass http://a'))).not.toThrow();
  });
});

describe('collectConfigFiles', () => {
  let root = '';
  afterEach(() => removeTree(root));

  it('collects nginx, Caddy, PM2, compose and Kubernetes files, skipping node_modules and unrelated YAML', async () => {
    root = writeTree({
      'infra/nginx/site.conf': 'server { location / { proxy_pass http://app; } }\n',
      'infra/Caddyfile': 'example.com {\n  reverse_proxy app:3000\n}\n',
      'ecosystem.config.cjs': "module.exports = { apps: [{ name: 'api', instances: 2 }] };\n",
      'docker-compose.prod.yml': 'services:\n  api:\n    image: api\n',
      'k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'config/app.yaml': 'port: 3000\n',
      'etc/fonts.conf': '<fontconfig></fontconfig>\n',
      'node_modules/pkg/nginx.conf': 'server { location / { proxy_pass http://x; } }\n',
    }, 'ea-rules-configs-');
    fs.writeFileSync(path.join(root, 'big.conf'), `server { location / { proxy_pass http://x; } }\n${'#'.repeat(600 * 1024)}\n`);
    const files = await collectConfigFiles([root]);
    expect(files.map((f) => f.path)).toEqual([
      'docker-compose.prod.yml',
      'ecosystem.config.cjs',
      'infra/Caddyfile',
      'infra/nginx/site.conf',
      'k8s/api.yaml',
    ]);
    expect(files.every((f) => f.root === path.resolve(root))).toBe(true);
  });

  it('returns nothing for a missing root', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-rules-empty-'));
    expect(await collectConfigFiles([path.join(root, 'missing')])).toEqual([]);
  });
});
