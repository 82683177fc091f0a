// "Export…": the current filter's timeline or findings in one of the five formats (docs/exports.md), built in pieces
// with progress and cancel, handed to the host's save, and recorded in the case's journal with the SHA-256 of the
// bytes saved.
import { useRef, useState } from 'react';
import {
  DEFAULT_INDEX,
  EXPORT_FORMATS,
  EXPORT_FORMAT_INFO,
  indexNameProblem,
  type ExportFormatName,
} from '../../core/export';
import { useApp } from '../shell/app-context';
import { Dialog } from '../shell/Dialog';
import { plural } from '../shell/format';
import { buildExport, ExportCancelled } from './build-export';
import { exportStreamFor } from './export-plan';
import { exportDetail, exportFileName, type ExportScope } from './export-scope';
import { recordExport, storedAnnotations } from './queries';
import './export.css';

interface ExportDialogProps {
  readonly scope: ExportScope;
  /** The format chosen first: a timeline format from the Timeline, a findings format from Findings. */
  readonly initialFormat: ExportFormatName;
  readonly onClose: () => void;
}

type Phase =
  | { readonly kind: 'choose' }
  | { readonly kind: 'running'; readonly written: number }
  | { readonly kind: 'finished'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export function ExportDialog({ scope, initialFormat, onClose }: ExportDialogProps) {
  const { host, investigator } = useApp();
  const [format, setFormat] = useState<ExportFormatName>(initialFormat);
  const [index, setIndex] = useState(DEFAULT_INDEX);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const controller = useRef<AbortController | undefined>(undefined);
  const indexProblem = format === 'opensearch' ? indexNameProblem(index) : undefined;
  const running = phase.kind === 'running';

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running', written: 0 });
    try {
      const stream = await exportStreamFor(scope, format, {
        index: format === 'opensearch' ? index : undefined,
        annotations: storedAnnotations(scope.caseId),
        signal: abort.signal,
      });
      const built = await buildExport(stream, EXPORT_FORMAT_INFO[format].mediaType, abort.signal, (written) =>
        setPhase({ kind: 'running', written }),
      );
      const at = Date.now();
      const name = exportFileName(scope.caseTitle, format, at);
      const saved = await host.saveExportFile(name, built.file);
      if (!saved.saved) {
        setPhase({ kind: 'finished', message: 'Not saved: the save was cancelled. Nothing was recorded.' });
        return;
      }
      await recordExport(scope.caseId, {
        at,
        investigator,
        action: 'export',
        source: saved.path ?? name,
        files: [],
        digest: built.sha256,
        detail: exportDetail(scope, format, built.written, built.leftOut),
      });
      const omitted =
        built.leftOut > 0 ? ` ${plural(built.leftOut, 'untimed event')} left out (Timesketch needs a time).` : '';
      setPhase({
        kind: 'finished',
        message: `Saved ${name}: ${plural(built.written, 'row')}, SHA-256 ${built.sha256}; recorded in the journal.${omitted}`,
      });
    } catch (error) {
      setPhase(
        error instanceof ExportCancelled
          ? { kind: 'finished', message: 'Export cancelled: nothing was saved or recorded.' }
          : { kind: 'failed', message: `The export failed: ${(error as Error).message}` },
      );
    }
  };

  return (
    <Dialog title="Export" testId="export-dialog" onClose={() => (running ? controller.current?.abort() : onClose())}>
      <div className="dialog-body">
        <p className="muted small">
          Exports what the current filter keeps, with your tags, stars, notes and dispositions. CSV cells that start
          with = + - @ are written with a leading ' so spreadsheets show them as text.
        </p>
        <fieldset disabled={running} className="export-formats">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((name) => (
            <label key={name}>
              <input
                type="radio"
                name="export-format"
                value={name}
                data-testid={`export-format-${name}`}
                checked={format === name}
                onChange={() => setFormat(name)}
              />{' '}
              {EXPORT_FORMAT_INFO[name].title}
            </label>
          ))}
        </fieldset>
        {format === 'opensearch' && (
          <label className="inline-field">
            Index{' '}
            <input
              data-testid="export-index"
              value={index}
              disabled={running}
              onChange={(event) => setIndex(event.target.value)}
            />
          </label>
        )}
        {indexProblem && (
          <p className="error" role="alert">
            {indexProblem}
          </p>
        )}
        {running && (
          <p className="progress-line" data-testid="export-progress">
            <progress aria-label="Export progress" /> {plural(phase.written, 'row')} written…
          </p>
        )}
        {phase.kind === 'finished' && <p data-testid="export-result">{phase.message}</p>}
        {phase.kind === 'failed' && (
          <p className="error" role="alert" data-testid="export-result">
            {phase.message}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        {running ? (
          <button type="button" data-testid="export-cancel" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        ) : (
          <button type="button" data-testid="export-close" onClick={onClose}>
            Close
          </button>
        )}
        <button
          type="button"
          className="primary"
          data-testid="export-start"
          disabled={running || indexProblem !== undefined}
          onClick={() => void start()}
        >
          Export
        </button>
      </div>
    </Dialog>
  );
}
