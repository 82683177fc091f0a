// A token's findings: severity, the check's stable id and title, the plain-language message, the evidence it
// rests on, and where the check is documented. Hovering a finding highlights its bytes in the raw token below;
// clicking (or focusing) it keeps them highlighted.
import { checkById } from '../../../core/token/checks/registry';
import type { Finding, FindingEvidence } from '../../../core/token/findings';
import { SeverityBadge } from './AnalysisBadges';

interface TokenFindingsProps {
  readonly findings: readonly Finding[];
  readonly active: number | undefined;
  readonly onHover: (index: number | undefined) => void;
  readonly onPick: (index: number) => void;
}

function evidenceFacts(evidence: FindingEvidence): [string, string][] {
  const facts: [string, string][] = [];
  if (evidence.part) facts.push(['part', evidence.part]);
  if (evidence.field) facts.push(['field', evidence.field]);
  if (evidence.value !== undefined) facts.push(['value', typeof evidence.value === 'string' ? evidence.value : JSON.stringify(evidence.value)]);
  if (evidence.start !== undefined && evidence.end !== undefined) facts.push(['chars', `${evidence.start}–${evidence.end}`]);
  if (evidence.key) facts.push(['key', `${evidence.key.kid !== undefined ? `kid "${evidence.key.kid}" ` : ''}${evidence.key.thumbprint}${evidence.key.source ? ` (${evidence.key.source})` : ''}`]);
  if (evidence.encoding) facts.push(['encoding', evidence.encoding]);
  for (const [name, value] of Object.entries(evidence.detail ?? {})) facts.push([name, String(value)]);
  return facts;
}

export function TokenFindings({ findings, active, onHover, onPick }: TokenFindingsProps) {
  if (findings.length === 0) return <p className="muted" data-testid="token-findings-none">No finding: every check passed.</p>;
  return (
    <ol className="findings" data-testid="token-findings">
      {findings.map((finding, index) => {
        const check = checkById(finding.id);
        return (
          <li
            // Findings have no id of their own; their order is stable for a stored analysis.
            key={index}
            className={`finding sev-border-${finding.severity}${active === index ? ' active' : ''}`}
            data-testid="token-finding"
            data-finding-id={finding.id}
            data-severity={finding.severity}
            tabIndex={0}
            onMouseEnter={() => onHover(index)}
            onMouseLeave={() => onHover(undefined)}
            onFocus={() => onPick(index)}
          >
            <div className="finding-head">
              <SeverityBadge severity={finding.severity} />
              <code className="finding-id">{finding.id}</code>
              {check && <span className="finding-title">{check.title}</span>}
              <span
                className="doc-ref"
                data-testid="finding-doc-ref"
                title={check ? `References: ${check.references.join('; ')}` : 'Documented in docs/checks.md'}
              >
                docs/checks.md › <code>{finding.id}</code>
              </span>
            </div>
            <p className="finding-message">{finding.message}</p>
            <dl className="finding-evidence">
              {evidenceFacts(finding.evidence).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd className="mono">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
