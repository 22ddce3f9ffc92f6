// Generators of hostile input for the analyzer: each returns one case (one or a few files, in their own
// folder) of a family that once hung, crashed or bloated an analyzer: constant folding that doubles,
// deep nesting, huge literals, hostile names, binary-ish bytes, syntax errors, pathological binding
// counts, cross-file value chains, wrapper chains. Every family mixes in real library calls, so the
// files reach the extractor and the linker instead of being dropped by the prefilter.
import { Rng } from './random';

export interface FuzzCase {
  family: string;
  /** Paths relative to the case's folder. */
  files: Record<string, string | Buffer>;
}

type Lib = 'kafka' | 'redis' | 'socketio' | 'nats' | 'emitter' | 'amqp';
const LIBS: readonly Lib[] = ['kafka', 'redis', 'socketio', 'nats', 'emitter', 'amqp'];

/** Imports and a client for one library, then a producer and a consumer on the channel expression `ch`. */
function libHeader(lib: Lib): string {
  switch (lib) {
    case 'kafka':
      return `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: ['localhost:9092'] });\nconst producer = kafka.producer();\nconst consumer = kafka.consumer({ groupId: 'g' });\n`;
    case 'redis':
      return `import Redis from 'ioredis';\nconst redis = new Redis();\nconst sub = new Redis();\n`;
    case 'socketio':
      return `import { Server } from 'socket.io';\nconst io = new Server(3000);\n`;
    case 'nats':
      return `import { connect } from 'nats';\nconst nc = await connect({ servers: 'localhost:4222' });\n`;
    case 'emitter':
      return `import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\n`;
    case 'amqp':
      return `import amqp from 'amqplib';\nconst conn = await amqp.connect('amqp://localhost');\nconst ch = await conn.createChannel();\n`;
  }
}

function libUse(lib: Lib, ch: string): string {
  switch (lib) {
    case 'kafka':
      return `export async function produce() { await producer.send({ topic: ${ch}, messages: [{ value: 'x' }] }); }\nexport async function consume() { await consumer.subscribe({ topic: ${ch} }); }\n`;
    case 'redis':
      return `export function produce() { return redis.publish(${ch}, 'x'); }\nexport function consume() { return sub.subscribe(${ch}); }\n`;
    case 'socketio':
      return `export function produce() { io.emit(${ch}, 1); }\nio.on('connection', (socket) => { socket.on(${ch}, () => undefined); });\n`;
    case 'nats':
      return `export function produce() { nc.publish(${ch}); }\nexport function consume() { return nc.subscribe(${ch}); }\n`;
    case 'emitter':
      return `export function produce() { bus.emit(${ch}, 1); }\nbus.on(${ch}, () => undefined);\n`;
    case 'amqp':
      return `export function produce() { ch.publish('ex', ${ch}, Buffer.from('x')); }\nexport function consume() { return ch.consume(${ch}, () => undefined); }\n`;
  }
}

/** Names that break naive renderers: markup, bidi and zero-width controls, terminal escapes, line
 *  separators, Mermaid syntax, quotes, and very long names. */
export const HOSTILE_NAMES: readonly string[] = [
  '` [Open fix](https://example.invalid) ![](https://example.invalid/t.png) `',
  'orders\u202Edetaerc',
  'zero\u200Bwidth\u200E\u200F',
  'line\u2028sep\u2029para',
  'esc\u001b[31mred\u001b[0m\u0007bell',
  '%% mermaid comment\n--> injected',
  'quote"\'<script>alert(1)</script>',
  'back\\slash\\n',
  '{{template}} ${x}',
  'ünïcödé.τοπικό.主题',
  '\uD83D\uDE00.emoji',
  '*',
  '',
  ' ',
  '#>+.*',
];

function hostileName(rng: Rng): string {
  if (rng.chance(0.15)) return rng.pick(['x', 'ab', '\u202E', '\u200B']).repeat(rng.int(1_000, 12_000));
  return rng.pick(HOSTILE_NAMES);
}

/** A JS string literal for any text (escapes quotes, backslashes, controls and separators). */
function lit(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function doublingString(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const depth = rng.int(8, 32);
  const seed = rng.pick([1, 1, 10, 100, 4900]);
  const exp = rng.chance(0.5) ? 'export ' : '';
  const tpl = rng.chance(0.3);
  let s = libHeader(lib) + `${exp}const c0 = ${lit('x'.repeat(seed))};\n`;
  for (let i = 1; i <= depth; i++) s += `${exp}const c${i} = ${tpl ? `\`\${c${i - 1}}.\${c${i - 1}}\`` : `c${i - 1} + c${i - 1}`};\n`;
  return { family: 'doubling-string', files: { 'doubling.ts': s + libUse(lib, `c${depth}`) } };
}

function doublingArray(rng: Rng): FuzzCase {
  const depth = rng.int(8, 28);
  let s = libHeader('kafka') + `export const a0 = ['t.a', 't.b'];\n`;
  for (let i = 1; i <= depth; i++) s += `export const a${i} = [...a${i - 1}, ...a${i - 1}];\n`;
  s += `export async function consume() { await consumer.subscribe({ topics: a${depth} }); }\n`;
  return { family: 'doubling-array', files: { 'arrays.ts': s } };
}

function doublingObject(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const depth = rng.int(8, 28);
  let s = libHeader(lib) + `export const o0 = { name: 'orders.created', other: 'x' };\n`;
  for (let i = 1; i <= depth; i++) s += `export const o${i} = { a: o${i - 1}, b: o${i - 1} };\n`;
  const path = Array.from({ length: depth }, () => rng.pick(['a', 'b'])).join('.');
  return { family: 'doubling-object', files: { 'objects.ts': s + libUse(lib, `o${depth}.${path}.name`) } };
}

function doublingFunction(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const depth = rng.int(4, 24);
  let s = libHeader(lib) + `export const f0 = (x: string) => \`\${x}.\${x}\`;\n`;
  for (let i = 1; i <= depth; i++) s += `export const f${i} = (x: string) => f${i - 1}(f${i - 1}(x));\n`;
  return { family: 'doubling-function', files: { 'functions.ts': s + libUse(lib, `f${depth}('id')`) } };
}

function wideTemplate(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const spans = rng.int(500, 20_000);
  const lines: string[] = [];
  for (let i = 0; i < spans; i += 20) lines.push('${p}.'.repeat(Math.min(20, spans - i)));
  const s = libHeader(lib) + `const p = 'part';\nexport const wide = \`${lines.join('\n')}\`;\n` + libUse(lib, 'wide');
  return { family: 'wide-template', files: { 'wide.ts': s } };
}

/** Values doubling across files: each file's value is within budget, the chain is not. */
function crossFileChain(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const files: Record<string, string> = {};
  const n = rng.int(3, 12);
  files['v0.ts'] = `export const v = ${lit('seed')};\n`;
  for (let i = 1; i < n; i++) {
    const width = rng.int(2, 60);
    files[`v${i}.ts`] = `import { v as prev } from './v${i - 1}';\nexport const v = \`${'${prev}-'.repeat(width)}\`;\n`;
  }
  files['use.ts'] = `import { v } from './v${n - 1}';\n` + libHeader(lib) + libUse(lib, 'v');
  return { family: 'cross-file-chain', files };
}

/** A wrapper whose channel comes from its parameter, wrapped again and again, called many times. */
function wrapperChain(rng: Rng): FuzzCase {
  const depth = rng.int(2, 8);
  const calls = rng.int(10, 600);
  let s = libHeader('redis') + `export function w0(ch: string) { return redis.publish(\`\${ch}.\${ch}\`, 'x'); }\n`;
  for (let i = 1; i <= depth; i++) s += `export function w${i}(ch: string) { w${i - 1}(\`\${ch}:\${ch}\`); w${i - 1}(ch + ch); }\n`;
  s += `export function many(id: string) {\n`;
  for (let i = 0; i < calls; i++) s += `  w${depth}(\`k${i}.\${id}\`);\n`;
  s += '}\n';
  return { family: 'wrapper-chain', files: { 'wrappers.ts': s } };
}

function deepNesting(rng: Rng): FuzzCase {
  const depth = rng.int(200, 8_000);
  const shape = rng.pick(['paren', 'array', 'object', 'arrow', 'if', 'call']);
  let body: string;
  switch (shape) {
    case 'paren':
      body = `export const deep = ${'(\n'.repeat(depth)}'t'${')\n'.repeat(depth)};\n`;
      break;
    case 'array':
      body = `export const deep = ${'[\n'.repeat(depth)}'t'${']\n'.repeat(depth)};\n`;
      break;
    case 'object':
      body = `export const deep = ${'{ a:\n'.repeat(depth)}'t'${'}\n'.repeat(depth)};\n`;
      break;
    case 'arrow':
      body = `export const deep = ${'() =>\n'.repeat(depth)}redis.publish('deep', 'x');\n`;
      break;
    case 'if':
      body = `export function deep(x: number) {\n${'if (x) {\n'.repeat(depth)}redis.publish('deep', 'x');\n${'}\n'.repeat(depth)}}\n`;
      break;
    default:
      body = `export const deep = ${'f(\n'.repeat(depth)}'t'${')\n'.repeat(depth)};\n`;
  }
  return { family: `deep-${shape}`, files: { 'deep.ts': libHeader('redis') + body } };
}

function hugeLiteral(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const size = rng.chance(0.1) ? rng.pick([400_000, 900_000]) : rng.int(1_000, 60_000);
  const lineLen = rng.int(40, 200);
  const text = 'y'.repeat(size);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += lineLen) lines.push(text.slice(i, i + lineLen));
  const s = libHeader(lib) + `export const huge = \`${lines.join('\n')}\`;\n` + libUse(lib, 'huge');
  return { family: 'huge-literal', files: { 'huge.ts': s } };
}

function hostileNames(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const files: Record<string, string> = {};
  let s = libHeader(lib);
  for (let i = 0; i < rng.int(1, 6); i++) s += libUse(lib, lit(hostileName(rng))).replace(/produce|consume/g, (m) => `${m}${i}`);
  // Hostile file and folder names too (right-to-left override, zero-width, spaces, non-Latin, long).
  const name = rng.pick(['a\u202Egnp.ts', 'zero\u200Bwidth.ts', 'with space & $dollar.ts', 'τοπικό/主题.ts', `${'n'.repeat(200)}.ts`, '-dash.ts', '#hash%.ts']);
  files[name] = s;
  return { family: 'hostile-names', files };
}

function binaryish(rng: Rng): FuzzCase {
  const size = rng.int(10, 50_000);
  const buf = Buffer.alloc(size);
  const mode = rng.pick(['random', 'no-nul', 'latin1', 'utf16', 'bom', 'lone-surrogate']);
  for (let i = 0; i < size; i++) buf[i] = rng.int(mode === 'random' ? 0 : 1, 255);
  let files: Record<string, string | Buffer>;
  if (mode === 'utf16') files = { 'utf16.ts': Buffer.from(`\uFEFF${libHeader('redis')}${libUse('redis', "'u16'")}`, 'utf16le') };
  else if (mode === 'bom') files = { 'bom.ts': `\uFEFF${libHeader('redis')}${libUse('redis', "'bom'")}` };
  else if (mode === 'lone-surrogate') files = { 'surrogate.ts': `${libHeader('redis')}${libUse('redis', "'\\uD800\\uDFFF\\uDC00'")}` };
  else if (mode === 'latin1') files = { 'latin1.ts': Buffer.concat([Buffer.from(libHeader('redis')), buf.subarray(0, Math.min(size, 2000)), Buffer.from(libUse('redis', "'l1'"))]) };
  else files = { [rng.pick(['blob.js', 'blob.ts', 'blob.vue', 'blob.sql', 'blob.prisma', 'package.json'])]: buf };
  return { family: `binary-${mode}`, files };
}

const SNIPPET = `${libHeader('kafka')}export class Orders {\n  async create(id: string) {\n    await this.db.insert({ id });\n    await producer.send({ topic: \`orders.\${id}\`, messages: [] });\n  }\n}\n${libUse('kafka', "'orders.created'")}`;
const TOKENS = ['{', '}', '(', ')', '[', ']', ';', ',', '=>', '`', '${', "'", '"', '/*', '//', '\n', 'class', 'function', 'import', 'export', 'new', 'await', '.', '+', '?', ':', '@', '#', '<', '>', '</', 'as'];

function syntaxErrors(rng: Rng): FuzzCase {
  let s = SNIPPET;
  const edits = rng.int(1, 40);
  for (let i = 0; i < edits; i++) {
    const at = rng.int(0, s.length);
    if (rng.chance(0.5)) s = s.slice(0, at) + rng.pick(TOKENS) + s.slice(at);
    else s = s.slice(0, at) + s.slice(at + rng.int(1, 20));
  }
  return { family: 'syntax-errors', files: { [rng.pick(['broken.ts', 'broken.tsx', 'broken.js', 'broken.vue', 'broken.mjs'])]: s } };
}

function tokenSoup(rng: Rng): FuzzCase {
  const words = [...TOKENS, 'producer.send', 'redis.publish', 'io.emit', 'socket.on', 'nc.subscribe', "'t'", 'x', 'const', 'let', 'if', 'else', 'return', 'async', 'yield', '...', '0', '1e999', '/re+/g'];
  const parts: string[] = [libHeader(rng.pick(LIBS))];
  for (let i = rng.int(10, 20_000); i > 0; i--) parts.push(rng.pick(words), rng.chance(0.1) ? '\n' : ' ');
  return { family: 'token-soup', files: { 'soup.ts': parts.join('') } };
}

/** Thousands of client bindings, then long function bodies that use them (name lookups over many names). */
function manyBindings(rng: Rng): FuzzCase {
  const n = rng.int(100, 5_000);
  let s = `import Redis from 'ioredis';\n`;
  for (let i = 0; i < n; i++) s += `const r${i} = new Redis();\n`;
  for (let f = 0; f < rng.int(1, 40); f++) {
    s += `export function f${f}() {\n`;
    for (let i = 0; i < 60; i++) s += `  const v${i} = compute(${i}, 'padding padding padding');\n`;
    s += `  r${rng.int(0, n - 1)}.publish('c${f}', 'x');\n}\n`;
  }
  return { family: 'many-bindings', files: { 'bindings.ts': s } };
}

/** `const a1 = a0.x; const a2 = a1.x; …`: a receiver chain as long as the file. */
function longChain(rng: Rng): FuzzCase {
  const n = rng.chance(0.1) ? 30_000 : rng.int(1_000, 6_000);
  let s = libHeader('redis') + 'const a0 = redis;\n';
  for (let i = 1; i <= n; i++) s += `export const a${i} = a${i - 1}${rng.chance(0.5) ? '.duplicate()' : ''};\n`;
  s += `a${n}.publish('end', 'x');\n`;
  return { family: 'long-chain', files: { 'chain.ts': s } };
}

function manyDetections(rng: Rng): FuzzCase {
  const lib = rng.pick(LIBS);
  const n = rng.int(100, 1_500);
  let s = libHeader(lib);
  for (let i = 0; i < n; i++) s += libUse(lib, lit(`ch.${i % 50}`)).replace(/produce|consume/g, (m) => `${m}${i}`);
  return { family: 'many-detections', files: { 'many.ts': s } };
}

function minifiedish(rng: Rng): FuzzCase {
  const line = `${libHeader('redis').replace(/\n/g, ';')}${'redis.publish("m",1);'.repeat(rng.int(10, 400))}`;
  return { family: 'minified', files: { 'bundle.js': line, 'lines.js': `${line}\n`.repeat(rng.int(1, 30)) } };
}

function hostileSfcAndSchema(rng: Rng): FuzzCase {
  const junk = '<script>'.repeat(rng.int(1, 50)) + libHeader('socketio') + libUse('socketio', "'vue'") + '</script'.repeat(rng.int(0, 3));
  return {
    family: 'sfc-schema',
    files: {
      'Comp.vue': `<template><div>{{ x }}</div></template>\n${junk}\n<script setup lang="ts">\n${libHeader('emitter')}</script>\n`,
      'schema.prisma': `model Outbox {\n${'  id Int @id\n'.repeat(rng.int(1, 2000))}${'{'.repeat(rng.int(0, 500))}`,
      'm.sql': `CREATE TABLE outbox (${'id int, '.repeat(rng.int(1, 3000))}\n${"'".repeat(rng.int(0, 9))}`,
      'package.json': rng.chance(0.5) ? `{"name": ${lit(hostileName(rng))}, "dependencies": {"kafkajs": "2"}}` : '{"name": "x", "dependencies": '.repeat(rng.int(1, 3000)),
    },
  };
}

export const FAMILIES: readonly ((rng: Rng) => FuzzCase)[] = [
  doublingString, doublingArray, doublingObject, doublingFunction, wideTemplate, crossFileChain, wrapperChain, deepNesting,
  hugeLiteral, hostileNames, binaryish, syntaxErrors, tokenSoup, manyBindings, longChain, manyDetections, minifiedish,
  hostileSfcAndSchema,
];

/** Case `index` of the run seeded `seed` (independent of the other cases). */
export function generateCase(seed: number, index: number): FuzzCase {
  const rng = Rng.forCase(seed, index);
  const family = FAMILIES[index % FAMILIES.length] as (rng: Rng) => FuzzCase;
  return family(rng);
}

/** How many files a case writes (the unit of the run's `--files` count). */
export function fileCount(c: FuzzCase): number {
  return Object.keys(c.files).length;
}
