// A token's findings: severity, the check's stable id and title, the plain-language message, the evidence it
// rests on, and where the check is documented. Hovering a finding highlights its bytes in the raw token below;
// clicking (or focusing) it keeps them highlighted.
import { HelpLink } from '../help/HelpLink';
import { checkById } from '../../core/token';
import type { KeyHistoryEntry } from '../../core/timeline';
import type { Finding } from '../../core/token';
import { useApp } from '../shell/app-context';
import { SeverityBadge } from './AnalysisBadges';
import { evidenceFacts } from './evidence-facts';
import { findingKeyRecord } from './key-history';
import { ZonedProse } from '../shell/ZonedProse';

interface TokenFindingsProps {
  readonly findings: readonly Finding[];
  readonly active: number | undefined;
  readonly onHover: (index: number | undefined) => void;
  readonly onPick: (index: number) => void;
  /** The verifying key's key-rotation record: a key-outside-validity finding says when and where it is written. */
  readonly keyHistory?: KeyHistoryEntry;
}

export function TokenFindings({ findings, active, onHover, onPick, keyHistory }: TokenFindingsProps) {
  const { timeZone } = useApp();
  if (findings.length === 0)
    return (
      <p className="muted" data-testid="token-findings-none">
        No finding: every check passed.
      </p>
    );
  return (
    <ol className="findings" data-testid="token-findings">
      {findings.map((finding, index) => {
        const check = checkById(finding.id);
        const keyRecord = findingKeyRecord(finding, keyHistory, timeZone);
        const facts = evidenceFacts(finding.evidence);
        if (keyRecord) facts.push(['key record', keyRecord]);
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
              <span className="doc-ref" title={check ? `References: ${check.references.join('; ')}` : undefined}>
                <HelpLink id={finding.id} testId="finding-doc-ref" />
              </span>
            </div>
            <p className="finding-message">
              <ZonedProse text={finding.message} />
            </p>
            <dl className="finding-evidence">
              {facts.map(([name, value]) => (
                <div key={name} data-testid="finding-fact" data-fact={name}>
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
