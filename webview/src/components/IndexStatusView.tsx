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
          <p>
            Indexing… {status.done} / {status.total} files
          </p>
          <VscodeProgressBar aria-label="Indexing progress" value={status.done} max={Math.max(status.total, 1)} />
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
          Indexing failed: {status.message}
        </p>
      );
  }
}
