// The page switcher. Plain buttons in a labelled <nav>, with aria-current on the active page, so it works
// with Tab/Enter/Space and screen readers without custom key handling.
import type { WebviewPage } from '../../../src/protocol/messages';

export type NavTarget = 'principle' | 'flows' | 'decision';

const ITEMS: { target: NavTarget; label: string }[] = [
  { target: 'principle', label: 'Principles' },
  { target: 'flows', label: 'Flows' },
  { target: 'decision', label: 'Decisions' },
];

export function Nav({ current, onSelect }: { current: WebviewPage | null; onSelect(target: NavTarget): void }) {
  return (
    <nav className="nav" aria-label="Event Architect">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.target}>
            <button
              type="button"
              className="nav-item"
              aria-current={current?.kind === item.target ? 'page' : undefined}
              onClick={() => onSelect(item.target)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
