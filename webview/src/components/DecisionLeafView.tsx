// The end of a walk: the recommendation, its caveats, the principle behind it, and the scaffold to insert.
import type { LeafNode } from '../../../src/core/decisions/types';
import { getDecisionTree } from '../../../src/core/decisions/catalog';
import type { Principle } from '../../../src/core/principles/types';
import type { WebviewPage } from '../../../src/protocol/messages';
import { VscodeButton } from '../elements';
import { RichText } from './RichText';

interface Props {
  leaf: LeafNode;
  principles: Principle[];
  onNavigate(page: WebviewPage): void;
  onInsertScaffold(scaffoldId: string, variantId: string | undefined): void;
  /** Writes the walk as a Markdown decision record (docs/adr/NNNN-slug.md). */
  onSaveRecord(): void;
}

export function DecisionLeafView({ leaf, principles, onNavigate, onInsertScaffold, onSaveRecord }: Props) {
  const principle = principles.find((p) => p.id === leaf.principle);
  return (
    <section className="leaf" aria-labelledby="leaf-title">
      <h2 id="leaf-title" tabIndex={-1}>
        Recommendation: {leaf.title}
      </h2>
      <p>
        <RichText text={leaf.recommendation} />
      </p>
      {leaf.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {leaf.notes.map((n) => (
            <li key={n}>
              <RichText text={n} />
            </li>
          ))}
        </ul>
      )}
      <blockquote className="grounding">
        <RichText text={leaf.grounding.quote} />
        <footer>— {principle?.title ?? leaf.principle}</footer>
      </blockquote>
      <div className="actions">
        {leaf.scaffoldId !== undefined && (
          <VscodeButton icon="insert" onClick={() => onInsertScaffold(leaf.scaffoldId as string, leaf.variantId)}>
            Insert scaffold
          </VscodeButton>
        )}
        <VscodeButton secondary icon="save" onClick={onSaveRecord}>
          Save as decision record
        </VscodeButton>
        <VscodeButton secondary icon="book" onClick={() => onNavigate({ kind: 'principle', id: leaf.principle })}>
          Show principle
        </VscodeButton>
      </div>
      {leaf.scaffoldId !== undefined && (
        <p className="muted">
          Scaffold: <code>{leaf.scaffoldId}</code>
          {leaf.variantId !== undefined && (
            <>
              {' '}
              (<code>{leaf.variantId}</code>)
            </>
          )}
        </p>
      )}
      {(leaf.seeAlso ?? []).length > 0 && (
        <nav aria-label="Related decisions">
          <h3>Next questions</h3>
          <ul className="link-list">
            {(leaf.seeAlso ?? []).map((id) => (
              <li key={id}>
                <button type="button" className="link" onClick={() => onNavigate({ kind: 'decision', treeId: id })}>
                  {getDecisionTree(id)?.title ?? id}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
