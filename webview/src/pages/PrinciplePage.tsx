// One principle, section by section as the seed states it, with the decision trees that apply it and an
// index of the other principles.
import type { Principle, PrincipleId } from '../../../src/core/principles/types';
import { citePrinciple } from '../../../src/core/principles/types';
import { treesForPrinciple } from '../../../src/core/decisions/catalog';
import type { WebviewPage } from '../../../src/protocol/messages';
import { RichText } from '../components/RichText';
import { PrincipleIndex } from '../components/PrincipleIndex';

interface Props {
  id: PrincipleId;
  principles: Principle[];
  onNavigate(page: WebviewPage): void;
}

const SECTIONS: { key: 'what' | 'why' | 'when' | 'whenNot'; heading: string }[] = [
  { key: 'what', heading: 'What' },
  { key: 'why', heading: 'Why' },
  { key: 'when', heading: 'When' },
  { key: 'whenNot', heading: 'When not' },
];

export function PrinciplePage({ id, principles, onNavigate }: Props) {
  const principle = principles.find((p) => p.id === id);
  const trees = treesForPrinciple(id);
  return (
    <div className="page with-aside">
      <main aria-labelledby="principle-title">
        {principle ? (
          <article>
            <p className="eyebrow">{principle.area}</p>
            <h1 id="principle-title">{principle.title}</h1>
            {SECTIONS.map((s) => (
              <section key={s.key} aria-labelledby={`section-${s.key}`}>
                <h2 id={`section-${s.key}`}>{s.heading}</h2>
                <p>
                  <RichText text={principle[s.key]} />
                </p>
              </section>
            ))}
            <section aria-labelledby="section-decide">
              <h2 id="section-decide">Decide</h2>
              <ul className="link-list">
                {trees.map((t) => (
                  <li key={t.id}>
                    <button type="button" className="link" onClick={() => onNavigate({ kind: 'decision', treeId: t.id })}>
                      {t.title}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
            <p className="source">
              Source: <cite>{citePrinciple(principle)}</cite>
            </p>
          </article>
        ) : (
          <p role="alert" id="principle-title">
            Unknown principle “{id}”.
          </p>
        )}
      </main>
      <PrincipleIndex principles={principles} current={id} onNavigate={onNavigate} />
    </div>
  );
}
