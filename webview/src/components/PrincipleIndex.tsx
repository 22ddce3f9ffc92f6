// All principles grouped by area, for moving between them.
import type { Principle, PrincipleId } from '../../../src/core/principles/types';
import type { WebviewPage } from '../../../src/protocol/messages';

interface Props {
  principles: Principle[];
  current: PrincipleId | null;
  onNavigate(page: WebviewPage): void;
}

export function PrincipleIndex({ principles, current, onNavigate }: Props) {
  const areas = [...new Set(principles.map((p) => p.area))];
  return (
    <nav className="aside" aria-label="All principles">
      {areas.map((area) => (
        <section key={area}>
          <h2 className="aside-heading">{area}</h2>
          <ul className="link-list">
            {principles
              .filter((p) => p.area === area)
              .map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="link"
                    aria-current={p.id === current ? 'page' : undefined}
                    onClick={() => onNavigate({ kind: 'principle', id: p.id })}
                  >
                    {p.title}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
