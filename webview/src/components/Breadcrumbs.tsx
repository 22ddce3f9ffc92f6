// The answers given so far; each crumb returns to the question it answered.
import type { WalkStep } from '../../../src/core/decisions/walk';

interface Props {
  steps: WalkStep[];
  onGoTo(depth: number): void;
}

export function Breadcrumbs({ steps, onGoTo }: Props) {
  if (steps.length <= 1) return null;
  return (
    <nav className="breadcrumbs" aria-label="Decision path">
      <ol>
        <li>
          <button type="button" className="link" onClick={() => onGoTo(0)}>
            Start
          </button>
        </li>
        {steps.slice(0, -1).map((step, i) => (
          <li key={step.key}>
            {i < steps.length - 2 ? (
              <button type="button" className="link" onClick={() => onGoTo(i + 1)}>
                {step.chosen}
              </button>
            ) : (
              <span aria-current="step">{step.chosen}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
