// What the investigator sees BEFORE anything is stored: the bundle verdict, every file's verdict, every
// problem with its file and line, and the case metadata. Import or Discard is their decision.
import type { BundleReport, FileCheck } from '../../core/evidence';
import type { ExtractedToken } from '../../core/token';
import { formatBytes, location, plural, safeText, shortHash } from '../shell/format';
import { VerdictBadge } from '../shell/VerdictBadge';
import { CaseMetadataList } from './CaseMetadataList';
import { FileNote } from './FileNote';

interface VerdictPanelProps {
  readonly report: BundleReport;
  readonly tokens: readonly ExtractedToken[];
  readonly onImport: () => void;
  readonly onDiscard: () => void;
}

const SUMMARY: Record<BundleReport['verdict'], string> = {
  verified: 'Every file matches the manifest: sizes and SHA-256 hashes as declared, nothing missing, nothing extra.',
  mismatch: 'The evidence does NOT match its manifest. Files marked below differ from what the collector declared.',
  generated: 'No manifest came with this evidence; Tokentrail generated one from the files as they are now.',
};

function HashCell({ value }: { readonly value?: { size: number; sha256: string } }) {
  if (!value) return <td className="mono muted">—</td>;
  return (
    <td className="mono" title={value.sha256}>
      {shortHash(value.sha256)} <span className="muted">· {formatBytes(value.size)}</span>
    </td>
  );
}

function FileRow({ check }: { readonly check: FileCheck }) {
  return (
    <tr data-testid="verdict-file-row" data-path={check.path} data-verdict={check.verdict}>
      <td className="mono">{safeText(check.path)}</td>
      <td>
        {check.kind}
        <FileNote file={check} />
      </td>
      <HashCell value={check.declared} />
      <HashCell value={check.actual} />
      <td>
        <VerdictBadge verdict={check.verdict} />
      </td>
    </tr>
  );
}

export function VerdictPanel({ report, tokens, onImport, onDiscard }: VerdictPanelProps) {
  const trusted = report.verdict !== 'mismatch';
  return (
    <section
      className={`panel verdict-panel verdict-${report.verdict}`}
      data-testid="verdict-panel"
      aria-label="Verification result"
    >
      <div className="panel-head">
        <h2>
          Verification of <span className="mono">{safeText(report.origin.name)}</span>
        </h2>
        <VerdictBadge verdict={report.verdict} testId="bundle-verdict" />
      </div>
      <p>{SUMMARY[report.verdict]}</p>
      {report.origin.sha256 && (
        <p className="muted mono small">
          {report.origin.type} · {formatBytes(report.origin.size ?? 0)} · sha256 {report.origin.sha256}
        </p>
      )}
      <CaseMetadataList metadata={report.manifest.case} />
      <table className="table">
        <thead>
          <tr>
            <th>File</th>
            <th>Kind</th>
            <th>Declared</th>
            <th>Found</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {report.files.map((check) => (
            <FileRow key={check.path} check={check} />
          ))}
        </tbody>
      </table>
      {report.problems.length > 0 && (
        <>
          <h3>Problems ({report.problems.length})</h3>
          <ul className="problems">
            {report.problems.map((problem, index) => (
              <li key={index} data-testid="verdict-problem">
                {/* The engine's messages usually name the file already; the location is added when they don't. */}
                {(problem.line !== undefined || !problem.message.includes(problem.file)) && (
                  <>
                    <span className="mono">{location(problem.file, problem.line)}</span> —{' '}
                  </>
                )}
                {problem.message} <span className="muted mono">[{problem.code}]</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        {plural(tokens.length, 'distinct token')} found. Nothing is stored until you choose Import.
      </p>
      <div className="dialog-actions left">
        <button
          type="button"
          className={trusted ? 'primary' : 'warning'}
          data-testid="import-accept"
          onClick={onImport}
          autoFocus
        >
          {trusted ? 'Import' : 'Import anyway (verdict is recorded)'}
        </button>
        <button type="button" data-testid="import-discard" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
