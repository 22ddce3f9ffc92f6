// One question the walk has already passed, with the answer taken, who gave it (the code or the user),
// the evidence, and the other answers to override it with.
import type { AnsweredStep } from '../../../src/core/decisions/answeredWalk';
import type { LocationRef, PreAnswerSnapshot } from '../../../src/protocol/messages';
import { EvidenceList } from './EvidenceList';
import { RichText } from './RichText';

interface Props {
  step: AnsweredStep<PreAnswerSnapshot>;
  onOpen(location: LocationRef): void;
  onChange(next: string): void;
}

const SOURCE_TEXT = { code: 'from your code', override: 'your answer (overrides the code)', user: 'your answer' } as const;

export function DecisionStepView({ step, onOpen, onChange }: Props) {
  if (step.node.kind !== 'question') return null;
  const question = step.node;
  const others = question.answers.filter((a) => a.next !== step.chosenNext);
  return (
    <li className="decision-step" data-step={step.key}>
      <p className="decision-step-question">
        <RichText text={question.prompt} />
      </p>
      <p className="decision-step-answer">
        <strong>
          <RichText text={step.chosen ?? ''} />
        </strong>{' '}
        {step.source && <span className={`badge badge-${step.source}`}>{SOURCE_TEXT[step.source]}</span>}
      </p>
      {step.pre && <EvidenceList answer={step.pre} onOpen={onOpen} />}
      {step.source === 'override' && step.pre && (
        <button type="button" className="link" onClick={() => onChange(step.pre?.next ?? '')}>
          Use the code’s answer again
        </button>
      )}
      <details className="decision-change">
        <summary>Change answer</summary>
        <ul className="choices" aria-label="Other answers">
          {others.map((a) => (
            <li key={a.next}>
              <button type="button" className="choice" onClick={() => onChange(a.next)}>
                <span className="choice-label">
                  <RichText text={a.label} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
