// The evidence behind a pre-answer: each item opens the code it comes from (through the host's
// openLocation command, which refuses files outside the workspace).
import type { LocationRef, PreAnswerSnapshot } from '../../../src/protocol/messages';
import { RichText } from './RichText';

interface Props {
  answer: PreAnswerSnapshot;
  onOpen(location: LocationRef): void;
}

export function EvidenceList({ answer, onOpen }: Props) {
  return (
    <div className="evidence">
      <p className="muted">{answer.reason}</p>
      <ul aria-label="Evidence">
        {answer.evidence.map((e) => (
          <li key={`${e.location.uri}:${e.line}:${e.text}`}>
            <button type="button" className="link evidence-link" title={`${e.file}:${e.line}`} onClick={() => onOpen(e.location)}>
              <RichText text={e.text} />
            </button>{' '}
            <span className="muted evidence-where" dir="ltr">
              {e.file}:{e.line}
            </span>
          </li>
        ))}
      </ul>
      {answer.caveat !== undefined && (
        <p className="caveat">
          <RichText text={answer.caveat} />
        </p>
      )}
    </div>
  );
}
