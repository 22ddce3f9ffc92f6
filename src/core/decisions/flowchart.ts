// The whole tree as a Mermaid flowchart with the walked branch highlighted, so the user sees where the
// answers lead and what the other answers would have led to. Labels go through the shared Mermaid text
// helpers; node ids come from the tree's own keys, never from user text.
import { stableHash } from '../render/mermaidText';
import { escapeMermaidLabel, visibleText } from '../text';
import type { DecisionTree } from './types';

/** Node labels are questions: longer than a channel name, still capped so the chart stays readable. */
const QUESTION_CAP = 90;
const ANSWER_CAP = 40;

function nodeId(key: string): string {
  return /^[A-Za-z0-9]{1,40}$/.test(key) ? `q_${key}` : `q_${stableHash(key)}`;
}

/** Backticks from the tree's inline code would show literally in a label; a long question is cut at its end. */
function label(text: string, cap: number): string {
  return escapeMermaidLabel(visibleText(text.replace(/`/g, ''), { cap, cut: 'end' }));
}

export function decisionFlowchart(tree: DecisionTree, path: readonly string[], pre: Readonly<Record<string, { next: string }>> = {}): string {
  const lines = ['flowchart TD'];
  const onPath = new Set(path);
  const pathEdges = new Set(path.slice(1).map((key, i) => `${path[i]}>${key}`));
  const highlighted: number[] = [];
  let edge = 0;
  for (const [key, node] of Object.entries(tree.nodes)) {
    const id = nodeId(key);
    if (node.kind === 'question') {
      lines.push(`  ${id}["${label(node.prompt, QUESTION_CAP)}"]`);
    } else {
      lines.push(`  ${id}(["${label(node.title, QUESTION_CAP)}"])`);
    }
  }
  for (const [key, node] of Object.entries(tree.nodes)) {
    if (node.kind !== 'question') continue;
    for (const answer of node.answers) {
      const fromCode = pre[key]?.next === answer.next ? '✓ ' : '';
      lines.push(`  ${nodeId(key)} -->|"${label(fromCode + answer.label, ANSWER_CAP)}"| ${nodeId(answer.next)}`);
      if (pathEdges.has(`${key}>${answer.next}`)) highlighted.push(edge);
      edge++;
    }
  }
  const current = path[path.length - 1];
  for (const key of onPath) lines.push(`  class ${nodeId(key)} ${key === current ? 'eaCurrent' : 'eaChosen'}`);
  lines.push('  classDef eaChosen stroke:#2f81f7,stroke-width:3px');
  lines.push('  classDef eaCurrent stroke:#2f81f7,stroke-width:4px,stroke-dasharray:6 3');
  if (highlighted.length > 0) lines.push(`  linkStyle ${highlighted.join(',')} stroke:#2f81f7,stroke-width:4px`);
  return `${lines.join('\n')}\n`;
}
