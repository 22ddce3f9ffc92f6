import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// The extension host's bundle leaves TypeScript out, as scripts/build.mjs does (`typescript` external; the
// quick fixes import it through runtime/lazyTypescript.ts, which loads typescript.js beside the bundle on
// first use): a quick fix built that way still rewrites the file, and the bundle holds no compiler.

const root = path.resolve(__dirname, '../../..');

describe('TypeScript on demand in the host bundle', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-ts-on-demand-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a quick fix bundled with TypeScript external adds the heartbeat, loading TypeScript only when it runs', async () => {
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(
      entry,
      `import { addHeartbeat } from ${JSON.stringify(path.join(root, 'src/core/fixes/inPlaceFixes'))};\n` +
        `import { typescriptLoadMs } from ${JSON.stringify(path.join(root, 'src/core/analysis/runtime/typescriptLoader'))};\n` +
        `const before = typescriptLoadMs();\n` +
        `const text = "app.get('/events', (req, res) => {\\n  res.writeHead(200, { 'Content-Type': 'text/event-stream' });\\n});\\n";\n` +
        `process.stdout.write(JSON.stringify({ before, out: addHeartbeat('a.ts', text, text.indexOf('res.writeHead')), after: typescriptLoadMs() }));\n`,
    );
    const out = path.join(dir, 'bundle.js');
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['typescript'], logLevel: 'silent', nodePaths: [path.join(root, 'node_modules')] });
    const bundle = fs.readFileSync(out, 'utf8');
    expect(bundle.length).toBeLessThan(500_000);
    expect(bundle).not.toContain('function createSourceFile(');
    // As in dist/: the compiler's own bundle beside the host's.
    fs.copyFileSync(require.resolve('typescript'), path.join(dir, 'typescript.js'));
    const run = spawnSync(process.execPath, [out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { before: number; out: string; after: number };
    expect(result.before).toBe(0);
    expect(result.after).toBeGreaterThan(0);
    expect(result.out).toContain("setInterval(() => res.write(': heartbeat\\n\\n'), 15_000)");
    expect(result.out).toContain("req.on('close', () => clearInterval(heartbeat))");
  }, 60_000);
});
