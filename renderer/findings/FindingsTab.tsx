// The Findings tab: the case analysis's state and parameters, the findings of the detectors and token checks
// grouped by severity and filterable, and the selected finding's evidence. The case's timeline filter narrows it
// first — a finding stays when one of its evidence events is in the filtered timeline — and says so above the list,
// with one click to clear it. The route's focus is the finding key.
import { findingShown, useHiddenViews } from '../exercise/hidden-views';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { CaseRecord } from '../db/records';
import { filterFindings, findingIds, NO_FINDING_FILTER, severityCounts } from './finding-filter';
import { useCaseFilter } from '../cases/case-filter';
import type { CaseTab } from '../shell/route';
import { TimelineFilterNote } from '../timeline/TimelineFilterNote';
import { ExportButton } from '../export/ExportButton';
import { CaseAnalysisBar } from './CaseAnalysisBar';
import { FindingDetail } from './FindingDetail';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import { useTimelineFindings } from './use-timeline-findings';
import { dispositionCounts } from './finding-dispositions';
import { listAnnotations } from '../annotations/queries';
import './findings.css';
import { BulkAnnotationBar } from '../annotations/BulkAnnotationBar';
import { findingFilterText } from '../annotations/bulk-filter-text';
import type { BulkSelection } from '../annotations/bulk-annotation-targets';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';

interface FindingsTabProps {
  readonly caseRecord: CaseRecord;
  /** The finding key to open first. */
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

export function FindingsTab({ caseRecord, focus, onNavigate }: FindingsTabProps) {
  const caseId = caseRecord.id;
  const { filter: timelineFilter } = useCaseFilter();
  const findings = useTimelineFindings(caseId, timelineFilter);
  const [filter, setFilter] = useState(NO_FINDING_FILTER);
  const annotationRows = useLiveQuery(() => listAnnotations(caseId, 'finding'), [caseId]);
  const annotations = useMemo(
    () => new Map([...(annotationRows ?? new Map()).values()].map((row) => [row.id, row.state])),
    [annotationRows],
  );
  const hidden = useHiddenViews();
  // With the token checks hidden by an exercise, their findings are not listed (the detectors' still are).
  const kept = useMemo(() => findings?.kept.filter((finding) => findingShown(hidden, finding)), [findings, hidden]);
  const shown = useMemo(() => filterFindings(kept ?? [], filter, annotations), [kept, filter, annotations]);
  const dispositions = useMemo(() => dispositionCounts(kept ?? [], annotations), [kept, annotations]);
  const counts = useMemo(() => severityCounts(kept ?? []), [kept]);
  const ids = useMemo(() => findingIds(kept ?? []), [kept]);
  const { timeZone } = useApp();
  const bulkSelection = useMemo(
    (): BulkSelection => ({ kind: 'finding', filter, timeline: timelineFilter }),
    [filter, timelineFilter],
  );
  const untimed = shown.filter((finding) => finding.ts === null).length;
  // The selection lives in the route, so Back returns to the finding the investigator came from.
  const select = (key: string) => onNavigate('findings', key);
  const current = shown.find((finding) => finding.key === focus) ?? shown[0];

  return (
    <div className="stack" data-testid="findings-tab">
      <CaseAnalysisBar caseRecord={caseRecord} />
      {findings === undefined ? (
        <div className="loading">Loading findings…</div>
      ) : findings.all.length === 0 ? (
        <div className="empty" data-testid="findings-empty">
          <p>
            <strong>No findings.</strong>
          </p>
          <p>Findings appear here once the detectors have run over the case's events and analysed tokens.</p>
        </div>
      ) : (
        <>
          <TimelineFilterNote
            caseId={caseId}
            matched={findings.kept.length}
            total={findings.all.length}
            noun="finding"
            onEdit={() => onNavigate('timeline')}
          />
          <div className="inline-field">
            <ExportButton
              testId="findings-export"
              initialFormat="findings-csv"
              scope={{
                caseId,
                caseTitle: caseRecord.title,
                timelineFilter,
                findingView: { filter, shown },
              }}
            />
          </div>
          <FindingFilters
            caseId={caseId}
            dispositions={dispositions}
            filter={filter}
            counts={counts}
            ids={ids}
            shown={shown.length}
            total={findings.kept.length}
            onChange={setFilter}
          />
          <BulkAnnotationBar
            caseId={caseId}
            selection={bulkSelection}
            matchCount={shown.length}
            filterText={findingFilterText(filter, timelineFilter, { time: (ts) => formatInstant(ts, timeZone) })}
          />
          {untimed > 0 && (
            <p className="hint" data-testid="findings-untimed-note">
              {untimed === 1 ? '1 finding has' : `${untimed} findings have`} no time (none of its evidence carries one)
              and
              {untimed === 1 ? ' is' : ' are'} listed after the timed findings of {untimed === 1 ? 'its' : 'their'}{' '}
              severity.
            </p>
          )}
          <div className="findings-layout">
            {shown.length > 0 ? (
              <FindingList
                findings={shown}
                selected={current?.key}
                onSelect={select}
                annotations={annotations}
                groupBy={filter.groupBy}
              />
            ) : (
              <div className="empty" data-testid="findings-filtered-empty">
                {findings.kept.length === 0
                  ? 'No finding has an evidence event in the filtered timeline.'
                  : 'No finding matches these filters.'}
              </div>
            )}
            {current && (
              <FindingDetail
                key={current.key}
                finding={current}
                eventsKept={findings.eventsKept}
                onNavigate={onNavigate}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
