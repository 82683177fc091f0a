// Every stored evidence file with the verdict it got on import and the hash of the bytes kept, and the
// investigator's annotation of each (its marks in the row; Annotate opens the panel under the row).
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useState } from 'react';
import { AnnotationBadges } from '../annotations/AnnotationBadges';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { listAnnotations } from '../annotations/queries';
import type { EvidenceFileRecord, ImportRecord } from '../db/records';
import { useApp } from '../shell/app-context';
import { formatBytes, safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { VerdictBadge } from '../shell/VerdictBadge';
import { DiscardEvidenceButton } from './DiscardEvidenceButton';
import { FileNote } from './FileNote';

interface EvidenceFilesTableProps {
  readonly files: readonly EvidenceFileRecord[];
  readonly imports: ReadonlyMap<string, ImportRecord>;
}

export function EvidenceFilesTable({ files, imports }: EvidenceFilesTableProps) {
  const { timeZone } = useApp();
  const caseId = files[0]?.caseId ?? '';
  const annotations = useLiveQuery(() => listAnnotations(caseId, 'file'), [caseId]);
  const [annotating, setAnnotating] = useState<string>();
  return (
    <table className="table" data-testid="evidence-files">
      <thead>
        <tr>
          <th>File</th>
          <th>Kind</th>
          <th className="num">Size</th>
          <th>SHA-256 (stored bytes)</th>
          <th>Verdict</th>
          <th>Imported from</th>
          <th>In the analysis</th>
          <th>Annotation</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => {
          const origin = imports.get(file.importId);
          const mismatch = file.declared && file.sha256 && file.declared.sha256 !== file.sha256;
          return (
            <Fragment key={file.id}>
              <tr
                data-testid="evidence-file-row"
                data-path={file.path}
                data-verdict={file.verdict}
                data-discarded={file.discarded ? 'true' : undefined}
              >
                <td className="mono" data-testid="evidence-file-name">
                  {safeText(file.path)}
                </td>
                <td>
                  {file.kind}
                  <FileNote file={file} />
                </td>
                <td className="num">{file.size === undefined ? '—' : formatBytes(file.size)}</td>
                <td className="mono" title={file.sha256}>
                  {shortHash(file.sha256, 16)}
                  {mismatch && (
                    <span className="muted" title={`declared ${file.declared?.sha256}`}>
                      {' '}
                      (declared {shortHash(file.declared?.sha256)})
                    </span>
                  )}
                </td>
                <td>
                  <VerdictBadge verdict={file.verdict} />
                </td>
                <td className="small">
                  {origin ? (
                    <>
                      <span className="mono">{safeText(origin.origin.name)}</span>
                      <span className="muted"> · {formatInstant(origin.at, timeZone)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="small">
                  <DiscardEvidenceButton file={file} />
                </td>
                <td className="nowrap">
                  <AnnotationBadges state={annotations?.get(file.id)?.state} />{' '}
                  <button
                    type="button"
                    className="link small"
                    data-testid="evidence-file-annotate"
                    aria-expanded={annotating === file.id}
                    onClick={() => setAnnotating(annotating === file.id ? undefined : file.id)}
                  >
                    {annotating === file.id ? 'Close' : 'Annotate'}
                  </button>
                </td>
              </tr>
              {annotating === file.id && (
                <tr>
                  <td colSpan={8}>
                    <AnnotationPanel
                      caseId={caseId}
                      target={{ kind: 'file', id: file.id }}
                      title={`Annotation of ${safeText(file.path)}`}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
