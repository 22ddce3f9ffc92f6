// One question of a walk with its answers as buttons.
import type { QuestionNode } from '../../../src/core/decisions/types';
import { RichText } from './RichText';

interface Props {
  question: QuestionNode;
  onAnswer(next: string): void;
}

export function DecisionQuestionView({ question, onAnswer }: Props) {
  return (
    <section className="question" aria-labelledby="question-title">
      <h2 id="question-title" tabIndex={-1}>
        <RichText text={question.prompt} />
      </h2>
      {question.help && <p className="muted">{question.help}</p>}
      <ul className="choices" aria-label="Answers">
        {question.answers.map((a) => (
          <li key={a.next}>
            <button type="button" className="choice" onClick={() => onAnswer(a.next)}>
              <span className="choice-label">
                <RichText text={a.label} />
              </span>
              {a.detail && (
                <span className="choice-detail">
                  <RichText text={a.detail} />
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
