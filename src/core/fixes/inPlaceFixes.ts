// Snippet-sized fixes computed from the code around the finding: a heartbeat in the SSE handler, an
// isMutating guard around the invalidation, the adapter wired after the socket.io server, the proxy
// directives inside the NGINX location. Each returns the file's new text; the rule's check then passes.
import type TS from 'typescript';
import { ts } from '../analysis/runtime/lazyTypescript';
import { mergeImports, styleOf } from '../placement/codeStyle';
import { addNginxDirectives } from '../placement/proxyConfig';
import { freeName, functionAt, innermost, lineIndent, parse } from './astText';
import { RewriteRefused } from './transactionRewrite';

/**
 * After the statement that sends the SSE headers: a `:` comment every `intervalMs`, stopped when the
 * client goes away. Express and node:http handlers (`(req, res)`); other shapes are refused.
 */
export function addHeartbeat(fileName: string, text: string, headerOffset: number, intervalMs = 15_000): string {
  const sf = parse(fileName, text);
  const fn = functionAt(sf, headerOffset);
  if (!fn?.body || !ts.isBlock(fn.body)) throw new RewriteRefused('The SSE handler has no block body.');
  const [reqParam, resParam] = fn.parameters;
  if (!reqParam || !resParam || !ts.isIdentifier(reqParam.name) || !ts.isIdentifier(resParam.name)) {
    throw new RewriteRefused('The heartbeat fix needs an (req, res) handler (Express or node:http).');
  }
  const stmt = fn.body.statements.find((s) => s.getStart(sf) <= headerOffset && headerOffset < s.getEnd());
  if (!stmt) throw new RewriteRefused('The SSE headers are not sent at the top level of the handler.');
  const style = styleOf(text);
  const semi = style.semicolons ? ';' : '';
  const q = style.quote;
  const indent = lineIndent(text, stmt.getStart(sf));
  const name = freeName(sf, 'heartbeat');
  const req = reqParam.name.text;
  const res = resParam.name.text;
  const lines = [
    '',
    `${indent}// A comment line every ${intervalMs / 1000} s keeps proxies and load balancers from closing a quiet stream.`,
    `${indent}const ${name} = setInterval(() => ${res}.write(${q}: heartbeat\\n\\n${q}), ${intervalMs.toLocaleString('en-US').replace(/,/g, '_')})${semi}`,
    `${indent}${req}.on(${q}close${q}, () => clearInterval(${name}))${semi}`,
  ];
  const at = stmt.getEnd();
  return text.slice(0, at) + lines.join(style.eol) + text.slice(at);
}

/**
 * Wraps the invalidation in `onSettled`/`onSuccess` so it runs only when this is the last mutation in
 * flight (TanStack Query's pattern: `isMutating(...) === 1` counts the settling mutation itself).
 */
export function guardInvalidation(fileName: string, text: string, invalidateOffset: number): string {
  const sf = parse(fileName, text);
  const call = innermost(sf, invalidateOffset, (n): n is TS.CallExpression => ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'invalidateQueries');
  if (!call || !ts.isPropertyAccessExpression(call.expression)) throw new RewriteRefused('The invalidateQueries call is not where the finding points.');
  const client = call.expression.expression.getText(sf);
  const options = innermost(sf, call.getStart(sf), (n): n is TS.ObjectLiteralExpression => ts.isObjectLiteralExpression(n) && n.properties.some((p) => p.name?.getText(sf) === 'mutationFn' || p.name?.getText(sf) === 'onSettled'));
  const keyProp = options?.properties.find((p): p is TS.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'mutationKey');
  const filter = keyProp ? `{ mutationKey: ${keyProp.initializer.getText(sf)} }` : '';
  const style = styleOf(text);
  const semi = style.semicolons ? ';' : '';
  const guard = `${client}.isMutating(${filter}) > 1`;
  const comment = '// Another mutation still in flight keeps its optimistic state: the last one to settle refetches.';
  const fn = functionAt(sf, call.getStart(sf));
  if (fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body) && fn.body.getStart(sf) <= call.getStart(sf)) {
    const indent = lineIndent(text, fn.getStart(sf));
    const inner = indent + style.indent;
    const block = `{${style.eol}${inner}${comment}${style.eol}${inner}if (${guard}) return undefined${semi}${style.eol}${inner}return ${fn.body.getText(sf)}${semi}${style.eol}${indent}}`;
    return text.slice(0, fn.body.getStart(sf)) + block + text.slice(fn.body.getEnd());
  }
  const stmt = innermost(sf, call.getStart(sf), ts.isExpressionStatement);
  if (!stmt) throw new RewriteRefused('The invalidation is neither an arrow body nor a statement.');
  const indent = lineIndent(text, stmt.getStart(sf));
  return `${text.slice(0, stmt.getStart(sf))}${comment}${style.eol}${indent}if (!(${guard})) ${stmt.getText(sf)}${text.slice(stmt.getEnd())}`;
}

export interface AdapterWiring {
  text: string;
  packages: Record<string, string>;
}

/** After `const io = new Server(…)`: Redis pub/sub clients and `io.adapter(createAdapter(pub, sub))`. */
export function wireRedisAdapter(fileName: string, text: string, serverOffset: number): AdapterWiring {
  const sf = parse(fileName, text);
  const decl = innermost(sf, serverOffset, ts.isVariableStatement);
  const variable = decl?.declarationList.declarations[0];
  if (!decl || !variable || !ts.isIdentifier(variable.name) || decl.parent !== sf) throw new RewriteRefused('The socket.io server is not a top-level `const io = new Server(…)`.');
  const io = variable.name.text;
  const style = styleOf(text);
  const semi = style.semicolons ? ';' : '';
  const q = style.quote;
  const pub = freeName(sf, 'pubClient');
  const sub = freeName(sf, 'subClient');
  const topLevelAwait = /^\s*await\s/m.test(text) || /\bawait\b/.test(sf.statements.filter((s) => ts.isExpressionStatement(s)).map((s) => s.getText(sf)).join('\n'));
  const connect = topLevelAwait
    ? [`await Promise.all([${pub}.connect(), ${sub}.connect()])${semi}`, `${io}.adapter(createAdapter(${pub}, ${sub}))${semi}`]
    : [`void Promise.all([${pub}.connect(), ${sub}.connect()]).then(() => ${io}.adapter(createAdapter(${pub}, ${sub})))${semi}`];
  const lines = [
    '',
    '',
    '// Broadcasts and rooms span every instance: the adapter relays them through Redis pub/sub.',
    `const ${pub} = createClient({ url: process.env.REDIS_URL ?? ${q}redis://localhost:6379${q} })${semi}`,
    `const ${sub} = ${pub}.duplicate()${semi}`,
    ...connect,
  ];
  const withCode = text.slice(0, decl.getEnd()) + lines.join(style.eol) + text.slice(decl.getEnd());
  const merged = mergeImports(withCode, [{ spec: '@socket.io/redis-adapter', names: ['createAdapter'] }, { spec: 'redis', names: ['createClient'] }], style);
  return { text: merged, packages: { '@socket.io/redis-adapter': '8.3.0', redis: '4.7.0' } };
}

/** `package.json` text with `packages` added to `dependencies` (existing entries kept), indentation kept. */
export function addDependencies(manifest: string, packages: Record<string, string>): string {
  const parsed = JSON.parse(manifest) as { dependencies?: Record<string, string> };
  const deps = { ...(parsed.dependencies ?? {}) };
  let changed = false;
  for (const [name, version] of Object.entries(packages)) {
    if (deps[name] === undefined) {
      deps[name] = version;
      changed = true;
    }
  }
  if (!changed) return manifest;
  const sorted = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const indent = /\n([ \t]+)"/.exec(manifest)?.[1] ?? '  ';
  const eol = manifest.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify({ ...parsed, dependencies: sorted }, null, indent).replace(/\n/g, eol) + (manifest.endsWith('\n') ? eol : '');
}

/** `proxy_buffering off` (and its companions) inside the location that proxies the SSE route. */
export function unbufferLocation(conf: string, locationOffset: number): string {
  const after = addNginxDirectives(conf, locationOffset, ['proxy_buffering off', 'proxy_cache off']);
  if (after === undefined) throw new RewriteRefused('No NGINX location block at the finding.');
  return after;
}
