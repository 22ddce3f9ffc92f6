// A structural hash of facts (what other files' links depend on), computed in time linear in the number
// of distinct objects. Facts share their parts (`const c1 = c0 + c0` holds c0 twice), so serializing them
// (JSON.stringify) expands the sharing and can take exponential time and memory; this hash visits each
// object once (children's hashes are memoized per call) and walks with an explicit stack, so a long chain
// (`const a1 = a0.x; const a2 = a1.x; …`) cannot overflow the call stack either.

/** Two independent 32-bit FNV-1a lanes over `s`, continuing from `h` (a 64-bit state in two numbers). */
function mix(h: [number, number], s: string): void {
  let a = h[0];
  let b = h[1];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  h[0] = a;
  h[1] = b;
}

function digest(h: [number, number]): string {
  return `${(h[0] >>> 0).toString(36)}.${(h[1] >>> 0).toString(36)}`;
}

function leafHash(v: unknown): string {
  // The type is part of the text hashed, so `'1'` and `1`, `null` and `'null'` differ.
  const h: [number, number] = [0x811c9dc5, 0x9747b28c];
  if (typeof v === 'string') {
    mix(h, 's');
    mix(h, v);
  } else mix(h, `${typeof v}:${String(v)}`);
  return digest(h);
}

/** Hash of a JSON-like value (objects, arrays, strings, numbers, booleans, null, undefined). Equal
 *  serializations give equal hashes; different ones differ except with probability ~2^-64. */
export function structuralHash(root: unknown): string {
  if (root === null || typeof root !== 'object') return leafHash(root);
  const done = new Map<object, string>();
  const open = new Set<object>();
  // Depth-first, one child at a time: a node is hashed once all its children are.
  const frames: { node: object; entries: [string, unknown][]; next: number }[] = [];
  const enter = (node: object): void => {
    open.add(node);
    frames.push({ node, entries: Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node), next: 0 });
  };
  enter(root);
  while (frames.length > 0) {
    const f = frames[frames.length - 1] as (typeof frames)[number];
    if (f.next < f.entries.length) {
      const v = (f.entries[f.next++] as [string, unknown])[1];
      // Facts are trees and DAGs; a cycle (never built today) is hashed as a marker instead of looping.
      if (v !== null && typeof v === 'object' && !done.has(v) && !open.has(v)) enter(v);
      continue;
    }
    frames.pop();
    open.delete(f.node);
    const isArr = Array.isArray(f.node);
    const h: [number, number] = [0x811c9dc5, 0x9747b28c];
    mix(h, isArr ? '[' : '{');
    for (const [k, v] of f.entries) {
      if (v === undefined && !isArr) continue;
      mix(h, isArr ? ',' : `${k.length}:${k}=`);
      mix(h, v !== null && typeof v === 'object' ? (done.get(v) ?? 'cycle') : leafHash(v));
    }
    done.set(f.node, digest(h));
  }
  return done.get(root) as string;
}
