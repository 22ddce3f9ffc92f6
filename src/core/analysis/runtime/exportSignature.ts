// What other files can see of one file (its exports, re-exports, transports, decorations) as one string,
// so an update can tell whether its dependents must be re-linked. Tags are a graph, not a tree: a class's
// members hold `this`, an instance of the class itself (`get count() { return this.items.size }`), and
// folded values share subtrees. JSON.stringify throws on the first ("Converting circular structure to
// JSON") and expands the second; here every object is written once, in depth-first order, and a second
// visit writes a back-reference to its number. Equal strings mean isomorphic graphs; the cost is linear
// in the number of distinct objects. Iterative, so a deeply nested tag cannot overflow the stack.
import type { FileFacts } from '../extract/facts';

/** null: the file has no facts (skipped or not analyzable). */
export function exportSignature(facts: FileFacts | null): string | null {
  if (facts === null) return null;
  return graphSignature([facts.exports, facts.starExports, facts.transports, facts.decorations]);
}

type Work = { value: unknown } | { token: string };

export function graphSignature(root: unknown): string {
  const ids = new Map<object, number>();
  const out: string[] = [];
  const stack: Work[] = [{ value: root }];
  while (stack.length > 0) {
    const item = stack.pop() as Work;
    if ('token' in item) {
      out.push(item.token);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out.push(scalar(v));
      continue;
    }
    const seen = ids.get(v);
    if (seen !== undefined) {
      out.push(`#${seen}`);
      continue;
    }
    ids.set(v, ids.size);
    // Children are pushed in reverse so they are written in order.
    const children: Work[] = [];
    if (Array.isArray(v)) {
      out.push('[');
      for (const el of v) children.push({ value: el }, { token: ',' });
      children.push({ token: ']' });
    } else {
      out.push('{');
      const rec = v as Record<string, unknown>;
      for (const key of Object.keys(rec)) {
        if (rec[key] === undefined) continue;
        children.push({ token: `${JSON.stringify(key)}:` }, { value: rec[key] }, { token: ',' });
      }
      children.push({ token: '}' });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Work);
  }
  return out.join('');
}

function scalar(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'undefined':
      return 'u';
    default:
      return v === null ? 'null' : `<${typeof v}>`;
  }
}
