// The findings grouped by severity, most severe first, or by disposition (open first), with the investigator's
// marks. A listbox: arrows move the selection, Home/End jump, Enter (or a click) opens the finding's detail, s/t/n
// star it, go to its tags, open its note.
import { useRef, type KeyboardEvent } from 'react';
import { SelectionRequests } from '../shell/selection-requests';
import type { StoredFinding } from '../db/case-analysis-records';
import { groupBySeverity } from './finding-filter';
import { groupByDisposition, type FindingAnnotations } from './finding-dispositions';
import { AnnotationBadges } from '../annotations/AnnotationBadges';
import { requestAnnotationCommand } from '../annotations/annotation-focus';
import { annotationKeyCommand } from '../annotations/annotation-keys';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';
import { SeverityBadge } from '../tokens/AnalysisBadges';
import { useNameOf } from '../subjects/subject-names-context';

interface FindingListProps {
  readonly findings: readonly StoredFinding[];
  readonly selected: string | undefined;
  readonly onSelect: (key: string) => void;
  readonly annotations: FindingAnnotations;
  readonly groupBy?: 'severity' | 'disposition';
}

interface FindingGroup {
  readonly name: string;
  readonly findings: readonly StoredFinding[];
}

function findingGroups(
  findings: readonly StoredFinding[],
  annotations: FindingAnnotations,
  groupBy: 'severity' | 'disposition',
): FindingGroup[] {
  if (groupBy === 'disposition')
    return groupByDisposition(findings, annotations).map((group) => ({ name: group.disposition, ...group }));
  return groupBySeverity(findings).map((group) => ({ name: group.severity, ...group }));
}

const optionId = (key: string) => `finding-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function FindingList({
  findings,
  selected: shown,
  onSelect,
  annotations,
  groupBy = 'severity',
}: FindingListProps) {
  // The selection lives in the route, which answers a task later: a key pressed right after a click acts on the
  // clicked row.
  const requests = useRef(new SelectionRequests()).current;
  const select = (key: string) => {
    requests.request(key, shown);
    onSelect(key);
  };
  const nameOf = useNameOf();
  const { timeZone } = useApp();
  const groups = findingGroups(findings, annotations, groupBy);
  // Keyboard order is display order: severity groups, then time within each.
  const ordered = groups.flatMap((group) => group.findings);
  const onKeyDown = (event: KeyboardEvent) => {
    const selected = requests.effective(shown);
    const command = annotationKeyCommand(event);
    if (command && selected) {
      event.preventDefault();
      requestAnnotationCommand(`finding:${selected}`, command);
      return;
    }
    const index = ordered.findIndex((finding) => finding.key === selected);
    const target: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: Math.max(0, index - 1),
      Home: 0,
      End: ordered.length - 1,
    };
    const next = ordered[target[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    select(next.key);
    document.getElementById(optionId(next.key))?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div
      className="finding-list"
      role="listbox"
      aria-label="Findings"
      tabIndex={0}
      data-testid="finding-list"
      aria-activedescendant={shown ? optionId(shown) : undefined}
      onKeyDown={onKeyDown}
    >
      {groups.map((group) => (
        <div
          key={group.name}
          role="group"
          aria-label={`${group.name}, ${group.findings.length}`}
          data-testid="finding-group"
          data-severity={groupBy === 'severity' ? group.name : undefined}
          data-disposition={groupBy === 'disposition' ? group.name : undefined}
          data-count={group.findings.length}
        >
          {/* A listbox owns options only: the group's label says what this heading shows, for a screen reader. */}
          <h3 className="finding-group-head" aria-hidden="true">
            {group.name} · {group.findings.length}
          </h3>
          {group.findings.map((finding) => (
            <div
              key={finding.key}
              id={optionId(finding.key)}
              role="option"
              aria-selected={finding.key === shown}
              className={`finding-row sev-border-${finding.severity}`}
              data-testid="finding-row"
              data-finding-id={finding.id}
              data-origin={finding.origin}
              onClick={() => select(finding.key)}
            >
              <div className="finding-row-head">
                <SeverityBadge severity={finding.severity} />
                <span className="finding-title">{finding.title}</span>
                <code className="finding-id muted">{finding.id}</code>
                <AnnotationBadges state={annotations.get(finding.key)} />
              </div>
              <div className="muted small finding-row-facts">
                {finding.ts !== null ? (
                  <span className="mono">{formatInstant(finding.ts, timeZone)}</span>
                ) : (
                  <span data-testid="finding-untimed">no time</span>
                )}
                {finding.subject && <span title={finding.subject}>{nameOf(finding.subject)}</span>}
                <span>
                  {finding.eventCount} event{finding.eventCount === 1 ? '' : 's'}
                </span>
                {finding.origin === 'token-check' && <span className="badge badge-neutral">token check</span>}
              </div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
