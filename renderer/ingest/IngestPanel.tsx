// The case's parsed sources: every log file, the format it was read as (detected from content or chosen),
// its status and counts, its problems, and how to read it again with another format or CSV mapping.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { SOURCE_FORMAT_NAMES } from '../../core/sources';
import type { SourceFormatName } from '../../core/sources';
import type { CsvPreset } from './csv-presets';
import type { IngestOptions, IngestRecord } from '../db/event-records';
import type { CaseRecord } from '../db/records';
import { ingestClient } from './ingest-client';
import { plural, safeText } from '../shell/format';
import { CsvMappingDialog } from './CsvMappingDialog';
import { GeoDatabasePanel } from '../geo/GeoDatabasePanel';
import { describeIngest, statusTone } from './ingest-status';
import { ProblemsList } from './ProblemsList';
import { ingestsOf, unparsedFileCount } from './queries';
import { DetectorsProgress } from '../findings/DetectorsProgress';

function IngestRow({
  ingest,
  onReingest,
  onCsv,
}: {
  ingest: IngestRecord;
  onReingest: (options: IngestOptions) => void;
  onCsv: () => void;
}) {
  const [format, setFormat] = useState<string>(ingest.options.format ?? '');
  // The app's --log-format: an nginx log_format or Apache LogFormat string for access logs of a custom layout.
  const [layout, setLayout] = useState<string>(ingest.options.accessLogFormat ?? '');
  const accessLog = format === 'access-log' || (format === '' && ingest.format === 'access-log');
  const [showProblems, setShowProblems] = useState(false);
  const busy = ingest.status === 'running' || ingest.status === 'queued';
  const chosen = ingest.format
    ? `${ingest.format}${ingest.formatChosenBy === 'override' ? ' (chosen)' : ''}`
    : ingest.format === null
      ? 'unknown'
      : '…';
  return (
    <>
      <tr
        data-testid="ingest-row"
        data-path={ingest.path}
        data-status={ingest.status}
        data-format={ingest.format ?? ''}
      >
        <td className="mono" data-testid="ingest-path">
          {safeText(ingest.path)}
        </td>
        <td className="mono" data-testid="ingest-format">
          {chosen}
        </td>
        <td>
          <span className={`badge badge-${statusTone(ingest.status)}`} data-testid="ingest-status">
            {ingest.status}
          </span>{' '}
          <span className="small muted" data-testid="ingest-description">
            {describeIngest(ingest)}
          </span>
        </td>
        <td className="num" data-testid="ingest-events">
          {ingest.events}
        </td>
        <td className="num">
          {ingest.problems > 0 ? (
            <button
              type="button"
              className="link"
              data-testid="ingest-problems-toggle"
              aria-expanded={showProblems}
              onClick={() => setShowProblems(!showProblems)}
            >
              {plural(ingest.problems, 'problem')}
            </button>
          ) : (
            '0'
          )}
        </td>
        <td className="actions nowrap">
          <select
            aria-label={`Format of ${safeText(ingest.path)}`}
            data-testid="ingest-format-select"
            value={format}
            disabled={busy}
            onChange={(event) => setFormat(event.target.value)}
          >
            <option value="">detect</option>
            {SOURCE_FORMAT_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>{' '}
          {accessLog && (
            <input
              type="text"
              className="mono"
              aria-label={`Log layout of ${safeText(ingest.path)} (nginx log_format or Apache LogFormat)`}
              title='An nginx log_format or Apache LogFormat string, e.g. %v %h %l %u %t "%r" %>s %b; empty: detect'
              placeholder="log layout: detect"
              data-testid="ingest-log-layout"
              value={layout}
              disabled={busy}
              onChange={(event) => setLayout(event.target.value)}
            />
          )}{' '}
          <button
            type="button"
            data-testid="ingest-reparse"
            disabled={busy}
            onClick={() =>
              onReingest({
                ...ingest.options,
                format: (format || undefined) as SourceFormatName | undefined,
                accessLogFormat: accessLog && layout.trim() ? layout.trim() : undefined,
              })
            }
          >
            Parse again
          </button>{' '}
          {(format === 'csv' || ingest.format === 'csv') && (
            <button type="button" data-testid="ingest-csv-mapping" disabled={busy} onClick={onCsv}>
              CSV mapping…
            </button>
          )}
        </td>
      </tr>
      {showProblems && (
        <tr>
          <td colSpan={6}>
            <ProblemsList ingest={ingest} />
          </td>
        </tr>
      )}
    </>
  );
}

export function IngestPanel({ caseRecord }: { readonly caseRecord: CaseRecord }) {
  const caseId = caseRecord.id;
  const ingests = useLiveQuery(() => ingestsOf(caseId), [caseId]);
  const unparsed = useLiveQuery(() => unparsedFileCount(caseId), [caseId]);
  const [csvFor, setCsvFor] = useState<IngestRecord>();
  const [error, setError] = useState('');
  const visible = (ingests ?? []).filter((ingest) => ingest.status !== 'replaced');
  // Open by itself while a file needs attention (parsing, failed, problems), then left as the investigator has it:
  // a Parse again that completes must not fold the panel away under the button that was just pressed.
  const needsAttention = visible.some((ingest) => ingest.status !== 'complete' || ingest.problems > 0);
  const [open, setOpen] = useState<boolean>();
  if (needsAttention && open === undefined) setOpen(true);
  const reingest = (ingest: IngestRecord, options: IngestOptions) =>
    ingestClient.reingest(caseId, ingest.id, options).then(
      () => setError(''),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );

  return (
    <section className="panel" data-testid="ingest-panel">
      <details open={open ?? needsAttention} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          Sources: {plural(visible.length, 'parsed file')}, {plural(caseRecord.counts.events, 'event')},{' '}
          {plural(caseRecord.counts.eventProblems, 'problem')}
        </summary>
        <GeoDatabasePanel caseDatabases={caseRecord.geoDatabases ?? []} />
        {unparsed !== undefined && unparsed > 0 && (
          <p className="notice">
            {plural(unparsed, 'file')} of this case {unparsed === 1 ? 'was' : 'were'} never parsed into events (imported
            before this version).
            <button
              type="button"
              data-testid="ingest-unparsed"
              onClick={() => void ingestClient.ingestUnparsed(caseId)}
            >
              Parse now
            </button>
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <DetectorsProgress caseId={caseId} />
        <table className="table ingest-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Format</th>
              <th>Status</th>
              <th className="num">Events</th>
              <th className="num">Problems</th>
              <th className="actions">Read as</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((ingest) => (
              <IngestRow
                key={ingest.id}
                ingest={ingest}
                onReingest={(options) => void reingest(ingest, options)}
                onCsv={() => setCsvFor(ingest)}
              />
            ))}
          </tbody>
        </table>
      </details>
      {csvFor && (
        <CsvMappingDialog
          path={csvFor.path}
          initial={csvFor.options.csvMapping ? { name: '', ...csvFor.options.csvMapping } : undefined}
          onClose={() => setCsvFor(undefined)}
          onApply={(mapping: CsvPreset) => {
            void reingest(csvFor, { ...csvFor.options, format: 'csv', csvMapping: mapping });
            setCsvFor(undefined);
          }}
        />
      )}
    </section>
  );
}
