// Shown on every tab of a case while its logs are being parsed: which file, how far (bytes and events), how fast
// (events/s) and how long is left, and Cancel. What a cancel keeps is said in the Timeline tab's source list.
import { useLiveQuery } from 'dexie-react-hooks';
import { ingestClient } from './ingest-client';
import { formatBytes, plural, safeText } from '../shell/format';
import { activeIngests } from './queries';
import { useLiveProgress } from './use-live-progress';
import { describeRate } from './ingest-rate';

export function IngestStatusLine({ caseId }: { readonly caseId: string }) {
  const live = useLiveProgress();
  const active = useLiveQuery(() => activeIngests(caseId), [caseId]);
  if (!active || active.length === 0) return null;
  const running = active.find((ingest) => ingest.status === 'running') ?? active[0]!;
  const progress = live.get(running.id);
  const bytes = progress?.bytesRead ?? running.bytesRead;
  const events = Math.max(progress?.events ?? 0, running.events);
  const removing = progress?.phase === 'removing';
  return (
    <div className="progress-line ingest-line" data-testid="ingest-progress" data-ingest={running.id}>
      <span className="muted">
        {removing ? `Removing the previous events of ${safeText(running.path)}…` : `Parsing ${safeText(running.path)}`}{' '}
        · {formatBytes(bytes)} of {formatBytes(running.size)} ·{' '}
        <span data-testid="ingest-progress-events">{plural(events, 'event')}</span>
        {progress?.rate && !removing && (
          <>
            {' '}
            · <span data-testid="ingest-progress-rate">{describeRate(progress.rate)}</span>
          </>
        )}
        {active.length > 1 ? ` · ${active.length - 1} more queued` : ''}
      </span>
      <progress max={Math.max(1, running.size)} value={bytes} aria-label="Parsing progress" />
      <button type="button" data-testid="ingest-cancel" onClick={() => ingestClient.cancel(caseId)}>
        Cancel
      </button>
    </div>
  );
}
