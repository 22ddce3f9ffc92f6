// Size budget of symbolic values. Values are built bottom-up and share their parts (`const c1 = c0 + c0`
// holds c0 twice by reference), so a file of n lines can describe a value whose expansion has 2^n parts
// or a 2^n-character string. Every composite value is measured when it is built (memoized per object,
// so measuring is linear in the distinct parts) and one over budget is cut down to what fits: a folded
// string becomes its known prefix followed by a wildcard (a pattern channel), never the whole text.
import type { ValueExpr } from './facts';

/** Longest folded channel text kept: longer concatenations become `<prefix>*` patterns. */
export const MAX_VALUE_CHARS = 1024;
/** Most parts a value may have once its shared parts are expanded. */
export const MAX_VALUE_NODES = 2048;

const UNKNOWN: ValueExpr = { k: 'unknown' };

interface Measure {
  /** Parts after expansion (saturates above the budget). */
  nodes: number;
  /** Characters of the folded text, a wildcard counting one (saturates above the budget). */
  chars: number;
}

const measures = new WeakMap<ValueExpr, Measure>();
const LEAF: Measure = { nodes: 1, chars: 1 };
/** Saturation point: sums stay small numbers however large the expansion. */
const CAP = MAX_VALUE_NODES + MAX_VALUE_CHARS + 1;

function children(v: ValueExpr): ValueExpr[] {
  switch (v.k) {
    case 'tpl':
      return v.parts;
    case 'arr':
      return v.items;
    case 'obj':
      return Object.values(v.props);
    case 'fnv':
      return [v.ret];
    case 'call':
      return [v.of, ...v.args];
    default:
      return [];
  }
}

/** Expanded size of a value, memoized per object (each distinct part is measured once). */
export function measure(v: ValueExpr): Measure {
  if (v.k === 'str') return { nodes: 1, chars: v.v.length };
  const kids = children(v);
  if (kids.length === 0) return LEAF;
  const known = measures.get(v);
  if (known) return known;
  let nodes = 1;
  let chars = 0;
  for (const c of kids) {
    const m = measure(c);
    nodes = Math.min(CAP, nodes + m.nodes);
    chars = Math.min(CAP, chars + m.chars);
  }
  const out = { nodes, chars: v.k === 'tpl' ? chars : 1 };
  measures.set(v, out);
  return out;
}

/** The value itself when within budget, else the part of it that fits (see the file comment). */
export function bounded(v: ValueExpr): ValueExpr {
  const m = measure(v);
  if (m.nodes <= MAX_VALUE_NODES && m.chars <= MAX_VALUE_CHARS) return v;
  let out: ValueExpr;
  switch (v.k) {
    case 'tpl':
      out = { k: 'tpl', parts: [{ k: 'str', v: knownPrefix(v) }, UNKNOWN] };
      break;
    case 'arr': {
      const items: ValueExpr[] = [];
      let nodes = 1;
      for (const i of v.items) {
        nodes += measure(i).nodes;
        if (nodes > MAX_VALUE_NODES) break;
        items.push(i);
      }
      out = { k: 'arr', items };
      break;
    }
    case 'obj': {
      const props: Record<string, ValueExpr> = {};
      let nodes = 1;
      for (const [k, p] of Object.entries(v.props)) {
        nodes += measure(p).nodes;
        props[k] = nodes > MAX_VALUE_NODES ? UNKNOWN : p;
      }
      out = { k: 'obj', props };
      break;
    }
    default:
      out = UNKNOWN;
  }
  return out;
}

/**
 * The leading known text of a template, at most MAX_VALUE_CHARS characters, found depth-first and stopping
 * at the first part that is not a known string. Visits at most MAX_VALUE_NODES parts, so an expansion of
 * empty strings cannot make it run long.
 */
function knownPrefix(v: ValueExpr): string {
  let text = '';
  let visits = 0;
  const stack: ValueExpr[] = [v];
  while (stack.length > 0 && text.length < MAX_VALUE_CHARS && visits++ < MAX_VALUE_NODES) {
    const cur = stack.pop() as ValueExpr;
    if (cur.k === 'str') {
      text += cur.v.slice(0, MAX_VALUE_CHARS - text.length);
      continue;
    }
    if (cur.k !== 'tpl') break;
    for (let i = cur.parts.length - 1; i >= 0; i--) stack.push(cur.parts[i] as ValueExpr);
  }
  return text;
}
