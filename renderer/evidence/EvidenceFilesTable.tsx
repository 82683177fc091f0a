// Every stored evidence file with the verdict it got on import and the hash of the bytes kept.
import type { EvidenceFileRecord, ImportRecord } from '../db/records';
import { useApp } from '../shell/app-context';
import { formatBytes, safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { VerdictBadge } from '../shell/VerdictBadge';
import { DiscardEvidenceButton } from './DiscardEvidenceButton';

interface EvidenceFilesTableProps {
  readonly files: readonly EvidenceFileRecord[];
  readonly imports: ReadonlyMap<string, ImportRecord>;
}

export function EvidenceFilesTable({ files, imports }: EvidenceFilesTableProps) {
  const { timeZone } = useApp();
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
        </tr>
      </thead>
      <tbody>
        {files.map((file) => {
          const origin = imports.get(file.importId);
          const mismatch = file.declared && file.sha256 && file.declared.sha256 !== file.sha256;
          return (
            <tr
              key={file.id}
              data-testid="evidence-file-row"
              data-path={file.path}
              data-verdict={file.verdict}
              data-discarded={file.discarded ? 'true' : undefined}
            >
              <td className="mono" data-testid="evidence-file-name">
                {safeText(file.path)}
              </td>
              <td>{file.kind}</td>
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
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
