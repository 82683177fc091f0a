// The Findings tab: the case analysis's state and parameters, the findings of the detectors and token checks
// grouped by severity and filterable, and the selected finding's evidence. The route's focus is the finding key.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { caseFindings } from '../../db/case-analysis-store';
import type { CaseRecord } from '../../db/records';
import { db } from '../../db/schema';
import { filterFindings, findingIds, NO_FINDING_FILTER, severityCounts } from '../../findings/finding-filter';
import type { CaseTab } from '../route';
import { CaseAnalysisBar } from './CaseAnalysisBar';
import { FindingDetail } from './FindingDetail';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import './findings.css';

interface FindingsTabProps {
  readonly caseRecord: CaseRecord;
  /** The finding key to open first. */
  readonly focus?: string;
  readonly onNavigate: (tab: CaseTab, focus?: string) => void;
}

export function FindingsTab({ caseRecord, focus, onNavigate }: FindingsTabProps) {
  const caseId = caseRecord.id;
  const findings = useLiveQuery(() => caseFindings(db, caseId), [caseId]);
  const [filter, setFilter] = useState(NO_FINDING_FILTER);
  const shown = useMemo(() => filterFindings(findings ?? [], filter), [findings, filter]);
  const counts = useMemo(() => severityCounts(findings ?? []), [findings]);
  const ids = useMemo(() => findingIds(findings ?? []), [findings]);
  // The selection lives in the route, so Back returns to the finding the investigator came from.
  const select = (key: string) => onNavigate('findings', key);
  const current = shown.find((finding) => finding.key === focus) ?? shown[0];

  return (
    <div className="stack" data-testid="findings-tab">
      <CaseAnalysisBar caseRecord={caseRecord} />
      {findings === undefined ? (
        <div className="loading">Loading findings…</div>
      ) : findings.length === 0 ? (
        <div className="empty" data-testid="findings-empty">
          <p><strong>No findings.</strong></p>
          <p>Findings appear here once the detectors have run over the case's events and analysed tokens.</p>
        </div>
      ) : (
        <>
          <FindingFilters filter={filter} counts={counts} ids={ids} shown={shown.length} total={findings.length} onChange={setFilter} />
          <div className="findings-layout">
            {shown.length > 0 ? (
              <FindingList findings={shown} selected={current?.key} onSelect={select} />
            ) : (
              <div className="empty" data-testid="findings-filtered-empty">No finding matches these filters.</div>
            )}
            {current && <FindingDetail key={current.key} finding={current} onNavigate={onNavigate} />}
          </div>
        </>
      )}
    </div>
  );
}
