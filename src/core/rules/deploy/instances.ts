// Signs that a service runs as more than one process: PM2 cluster mode, docker-compose replicas,
// Kubernetes replicas or autoscaling, Node's `cluster` module, `pm2 start -i N` in its scripts. A sign in a
// file outside the service's folder counts only when that file names the service.
import type { ConfigFile } from '../types';
import type { ConfigKind } from '../configFiles';
import { isInside, shortServiceName, type RuleContext } from '../context';
import { SourceView } from '../source/sourceView';

export interface InstanceSign {
  /** e.g. `PM2 \`instances: 4\``. */
  description: string;
  file: string;
  root?: string;
  line: number;
}

type Config = ConfigFile & { kind: ConfigKind };

export function instanceSigns(ctx: RuleContext, service: string, serverCount: number): InstanceSign[] {
  const dir = ctx.serviceDir(service);
  const short = shortServiceName(service);
  const signs: InstanceSign[] = [];
  for (const config of ctx.configs) {
    const own = dir !== undefined && isInside(config.path, dir) && !belongsToNestedService(ctx, config.path, dir);
    const scopes = own ? [{ from: 0, to: config.text.length }] : scopesNaming(config, short, dir);
    for (const scope of scopes) signs.push(...signsIn(config, scope.from, scope.to));
  }
  signs.push(...codeSigns(ctx, service));
  if (serverCount > 1) {
    const first = ctx.detections('ws.server', service)[0];
    if (first) signs.push({ description: `${serverCount} socket.io servers created`, file: first.file, root: ctx.source(first.file, service)?.root, line: first.line });
  }
  return signs;
}

/** A file inside a service folder nested in `dir` belongs to that nested service, not to `dir`'s. */
function belongsToNestedService(ctx: RuleContext, file: string, dir: string): boolean {
  return Object.values(ctx.result.services).some((s) => s.root !== dir && isInside(s.root, dir) && s.root !== '.' && isInside(file, s.root));
}

/** The parts of a shared config file that describe this service. */
function scopesNaming(config: Config, short: string, dir: string | undefined): { from: number; to: number }[] {
  const name = short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (config.kind === 'pm2') {
    const view = new SourceView(config.text);
    const re = new RegExp(`["']?name["']?\\s*:\\s*["']${name}["']`, 'g');
    return [...config.text.matchAll(re)].flatMap((m) => {
      for (let i = m.index; i >= 0; i--) {
        if (view.masked[i] !== '{') continue;
        const close = view.match(i);
        if (close !== undefined && close > m.index) return [{ from: i, to: close + 1 }];
      }
      return [];
    });
  }
  if (config.kind === 'compose') return yamlBlocks(config.text, (key, block) => key === short || (dir !== undefined && dir !== '.' && block.includes(dir)));
  if (config.kind === 'kubernetes') {
    const docs: { from: number; to: number }[] = [];
    let from = 0;
    for (const m of config.text.matchAll(/^---[^\n]*$/gm)) {
      docs.push({ from, to: m.index });
      from = m.index + m[0].length;
    }
    docs.push({ from, to: config.text.length });
    const named = new RegExp(`^\\s*(name|app):\\s*["']?${name}["']?\\s*$`, 'm');
    return docs.filter((d) => named.test(config.text.slice(d.from, d.to)));
  }
  return [];
}

/** Compose service blocks (`  name:` under `services:`) accepted by `accept`. */
function yamlBlocks(text: string, accept: (key: string, block: string) => boolean): { from: number; to: number }[] {
  const lines = text.split('\n');
  const out: { from: number; to: number }[] = [];
  let offset = 0;
  const starts = lines.map((l) => {
    const s = offset;
    offset += l.length + 1;
    return s;
  });
  const servicesAt = lines.findIndex((l) => /^services:\s*$/.test(l));
  if (servicesAt === -1) return out;
  for (let i = servicesAt + 1; i < lines.length; i++) {
    const m = /^(\s+)([\w.-]+):\s*$/.exec(lines[i] ?? '');
    if (!m?.[1] || !m[2]) continue;
    const indent = m[1].length;
    let j = i + 1;
    while (j < lines.length && (/^\s*(#.*)?$/.test(lines[j] ?? '') || indentOf(lines[j] ?? '') > indent)) j++;
    const from = starts[i] ?? 0;
    const to = starts[j] ?? text.length;
    if (accept(m[2], text.slice(from, to))) out.push({ from, to });
    if (indent === 0) break;
  }
  return out;
}

function signsIn(config: Config, from: number, to: number): InstanceSign[] {
  const text = config.text.slice(from, to);
  const signs: InstanceSign[] = [];
  const at = (index: number) => config.text.slice(0, from + index).split('\n').length;
  const add = (description: string, index: number) => signs.push({ description, file: config.path, root: config.root, line: at(index) });
  if (config.kind === 'pm2') {
    const inst = /["']?instances["']?\s*:\s*(["']?)(-?\d+|max)\1/.exec(text);
    const value = inst?.[2];
    const many = value !== undefined && (value === 'max' || value === '0' || value === '-1' || Number(value) > 1);
    if (inst && many) add(`PM2 \`instances: ${value}\``, inst.index);
    const mode = /["']?exec_mode["']?\s*:\s*["'](cluster|cluster_mode)["']/.exec(text);
    if (mode && !inst) add('PM2 `exec_mode: cluster`', mode.index);
  } else if (config.kind === 'compose' || config.kind === 'kubernetes') {
    for (const m of text.matchAll(/^\s*(replicas|scale|maxReplicas):\s*(\d+)\s*$/gm)) {
      if (Number(m[2]) > 1) add(`\`${m[1]}: ${m[2]}\``, m.index);
    }
  }
  return signs;
}

const ENTRY_NAMES = ['main', 'cluster', 'index', 'server', 'app', 'start', 'bootstrap', 'primary'];
const ENTRY_EXTENSIONS = ['.ts', '.js', '.mjs', '.cjs', '.mts'];

/**
 * Node's `cluster` module in the service's code, or `pm2 start -i N` in its package.json scripts. The
 * cluster bootstrap usually has no messaging detection of its own, so besides the files with detections
 * the usual entry-point names next to them (and in the service's folder and `src/`) are read.
 */
function codeSigns(ctx: RuleContext, service: string): InstanceSign[] {
  const signs: InstanceSign[] = [];
  const dir = ctx.serviceDir(service);
  const detected = new Set(ctx.detectionsOfService(service).map((d) => d.file));
  const folders = new Set([...detected].map((f) => f.slice(0, Math.max(0, f.lastIndexOf('/')))));
  if (dir !== undefined) for (const f of dir === '.' ? ['', 'src'] : [dir, `${dir}/src`]) folders.add(f);
  const candidates = [...folders].flatMap((folder) => ENTRY_NAMES.flatMap((n) => ENTRY_EXTENSIONS.map((e) => (folder ? `${folder}/${n}${e}` : `${n}${e}`))));
  const root = ctx.rootOfService(service);
  const sources = [
    ...[...detected].map((file) => ({ file, src: ctx.source(file, service) })),
    ...(root === undefined ? [] : candidates.filter((f) => !detected.has(f)).map((file) => ({ file, src: ctx.sourceIn(file, root) }))),
  ];
  for (const { file, src } of sources) {
    const m = src ? /\bcluster\.fork\s*\(/.exec(src.view.masked) : null;
    if (src && m) signs.push({ description: 'Node `cluster.fork()`', file, root: src.root, line: src.view.positionAt(m.index).line });
  }
  const pkgPath = dir === undefined || dir === '.' ? 'package.json' : `${dir}/package.json`;
  const pkg = ctx.read(pkgPath, service);
  const scripts = pkg ? /\bpm2(?:-runtime)?\s+start\b[^"\n]*\s(?:-i|--instances)\s+(max|-?\d+)/.exec(pkg.text) : null;
  if (pkg && scripts?.[1] && (scripts[1] === 'max' || Number(scripts[1]) !== 1)) {
    signs.push({ description: `\`pm2 start -i ${scripts[1]}\``, file: pkgPath, root: pkg.root, line: pkg.text.slice(0, scripts.index).split('\n').length });
  }
  return signs;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
