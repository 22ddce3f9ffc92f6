// Switches between decision trees. A native <select> keeps keyboard and screen-reader behaviour standard.
import type { DecisionTree } from '../../../src/core/decisions/types';
import type { WebviewPage } from '../../../src/protocol/messages';

interface Props {
  trees: readonly DecisionTree[];
  current: string;
  onNavigate(page: WebviewPage): void;
}

export function TreePicker({ trees, current, onNavigate }: Props) {
  const known = trees.some((t) => t.id === current);
  return (
    <div className="tree-picker">
      <label htmlFor="tree-picker">Decision</label>
      <select
        id="tree-picker"
        value={known ? current : ''}
        onChange={(e) => {
          if (e.target.value !== '') onNavigate({ kind: 'decision', treeId: e.target.value });
        }}
      >
        {!known && <option value="">Choose a decision…</option>}
        {trees.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </div>
  );
}
