// One line about the workspace index: idle, progress, result, or the error the analyzer reported.
import type { IndexStatus } from '../../../src/protocol/messages';
import { VscodeProgressBar } from '../elements';

export function IndexStatusView({ status }: { status: IndexStatus }) {
  switch (status.state) {
    case 'idle':
      return <p role="status" className="index-status">The workspace has not been indexed yet.</p>;
    case 'indexing':
      return (
        <div role="status" className="index-status">
          {/* Until the files are counted there is no total: say so rather than "0 / 0". */}
          <p>{status.total > 0 ? `Indexing… ${status.done} / ${status.total} files` : 'Indexing… finding the files'}</p>
          {status.total > 0 ? (
            <VscodeProgressBar aria-label="Indexing progress" value={status.done} max={status.total} />
          ) : (
            <VscodeProgressBar aria-label="Indexing progress" indeterminate />
          )}
        </div>
      );
    case 'ready':
      return (
        <p role="status" className="index-status">
          Indexed {status.files} files: {status.detections} detections, {status.flows} flows ({status.durationMs} ms).
        </p>
      );
    case 'error':
      return (
        <p role="alert" className="index-status index-error">
          Indexing failed: {status.message} Re-index once the cause is fixed; the log has the details.
        </p>
      );
  }
}
