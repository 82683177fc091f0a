// One case: its header, the import flow, and its tabs (overview, evidence, tokens, timeline, findings, lifecycle, map,
// people, APIs, journal; exercise on a case opened from an exercise file). The tabs share one timeline filter
// (case-filter.ts), so Findings, Lifecycle and Map narrow as the Timeline does.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { ingestClient } from '../ingest/ingest-client';
import { useApp } from '../shell/app-context';
import { EvidenceTab } from '../evidence/EvidenceTab';
import { formatBytes, plural } from '../shell/format';
import { ImportBar } from '../evidence/ImportBar';
import { IngestStatusLine } from '../ingest/IngestStatusLine';
import { useFileDrop } from '../evidence/use-file-drop';
import { useImport } from '../evidence/use-import';
import { VerdictPanel } from '../evidence/VerdictPanel';
import type { CaseTab } from '../shell/route';
import { FindingsTab } from '../findings/FindingsTab';
import { useAutoCaseAnalysis } from '../findings/use-auto-case-analysis';
import { LifecycleTab } from '../lifecycle/LifecycleTab';
import { PeopleTab } from '../subjects/PeopleTab';
import { ApisTab } from '../apis/ApisTab';
import { SubjectNamesContext } from '../subjects/subject-names-context';
import { useSubjectNames } from '../subjects/use-subject-names';
import { MapTab } from '../map/MapTab';
import { JournalTab } from '../journal/JournalTab';
import { TimelineRoute } from '../timeline/TimelineRoute';
import { TokensTab } from '../tokens/TokensTab';
import { useAutoAnalysis } from '../tokens/use-auto-analysis';
import { CaseFilterContext, useCaseFilterState } from './case-filter';
import { CaseTabs, tabLabel, visibleTabs } from './CaseTabs';
import { ExerciseTab } from '../exercise/ExerciseTab';
import { HiddenViewsContext, hiddenViewsOf } from '../exercise/hidden-views';
import { RenameCase } from './RenameCase';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { ArchiveExportButton } from '../archive/ArchiveExportButton';
import { CreateReportButton } from '../report/CreateReportDialog';
import { storedFindingCount } from '../findings/queries';
import { markInterrupted } from '../ingest/queries';
import { caseRecord } from './queries';
import { finishDiscards } from '../evidence/queries';
import { OverviewTab } from '../overview/OverviewTab';
import { RemedyContext } from '../findings/remedy-context';
import { remedyHandler } from '../findings/remedy-actions';

interface CaseViewProps {
  readonly caseId: string;
  readonly tab: CaseTab;
  /** What the tab focuses on (a token hash), from the route. */
  readonly focus?: string;
  readonly onTab: (tab: CaseTab, focus?: string) => void;
  readonly onClosed: () => void;
}

export function CaseView({ caseId, tab, focus, onTab, onClosed }: CaseViewProps) {
  const { host, investigator } = useApp();
  // null (not undefined) once loaded and absent, so "loading" and "not found" can be told apart.
  const record = useLiveQuery(async () => (await caseRecord(caseId)) ?? null, [caseId]);
  const controls = useImport(caseId, investigator);
  const caseFilter = useCaseFilterState(caseId);
  useAutoAnalysis(caseId, record);
  useAutoCaseAnalysis(caseId, record);
  const findingCount = useLiveQuery(() => storedFindingCount(caseId), [caseId]);
  const nameOf = useSubjectNames(caseId);
  const { start } = controls;
  const drop = useFileDrop(start, controls.fail);
  const remedies = useMemo(
    () => remedyHandler({ caseId, host, startImport: start, navigate: (next) => onTab(next) }),
    [caseId, host, start, onTab],
  );

  // Ingests this window is not running were left by a closed window or a dead worker: say so, keep their batches.
  useEffect(() => void markInterrupted(caseId, ingestClient.activeIds()).catch(() => undefined), [caseId]);
  // A discard whose event removal a closed window cut short is finished (evidence/discard-evidence.ts).
  useEffect(() => void finishDiscards(caseId).catch(() => undefined), [caseId]);
  useEffect(
    () => host.onOpenBundleCommand(() => void host.pick('zip').then((picked) => picked && start(picked))),
    [host, start],
  );

  if (record === undefined) return <div className="loading">Loading case…</div>;
  if (record === null) {
    return (
      <main className="page" data-testid="case-missing">
        <div className="empty">
          <p>
            <strong>This case does not exist on this machine.</strong> It may have been deleted.
          </p>
          <button type="button" onClick={onClosed}>
            Back to cases
          </button>
        </div>
      </main>
    );
  }

  const { counts } = record;
  const shown = visibleTabs(record.exercise);
  const hidden = hiddenViewsOf(record.exercise);
  // A report lists every finding and verdict: an exercise that hides any of them makes none.
  const hidesAnalysis = hidden.findings || hidden.tokenChecks || hidden.map;
  // A tab this case does not show (a view the exercise hides, an old link) opens as the overview.
  const activeTab: CaseTab = shown.includes(tab) ? tab : 'overview';
  return (
    <main className={`page case-page${drop.dragging ? ' dragging' : ''}`} data-testid="case-view" {...drop.handlers}>
      <header className="case-head">
        <div>
          <RenameCase caseId={caseId} title={record.title} />
          <p className="muted">
            {record.caseNumber && <span className="mono">{record.caseNumber} · </span>}
            {plural(counts.imports, 'import')} · {plural(counts.files, 'file')} · {formatBytes(counts.bytes)} ·{' '}
            {plural(counts.tokens, 'token')} · {plural(counts.custodyEntries, 'custody entry', 'custody entries')}
          </p>
        </div>
        <div className="case-head-actions">
          {!hidesAnalysis && <CreateReportButton caseId={caseId} title={record.title} />}
          <ArchiveExportButton caseId={caseId} title={record.title} />
        </div>
      </header>
      <ImportBar host={host} controls={controls} onSelection={start} onPickError={controls.fail} />
      {controls.state.phase === 'review' && (
        <VerdictPanel
          report={controls.state.report}
          tokens={controls.state.tokens}
          onImport={controls.accept}
          onDiscard={controls.discard}
        />
      )}
      <IngestStatusLine caseId={caseId} />
      <CaseTabs
        active={activeTab}
        shown={shown}
        counts={{
          evidence: counts.files,
          tokens: counts.tokens,
          timeline: counts.events,
          findings: findingCount ?? 0,
          journal: counts.custodyEntries,
        }}
        onSelect={(next) => onTab(next)}
      />
      <HiddenViewsContext.Provider value={hidden}>
        <SubjectNamesContext.Provider value={nameOf}>
          <CaseFilterContext.Provider value={caseFilter}>
            <RemedyContext.Provider value={remedies}>
              <div role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`} className="tab-panel">
                <ErrorBoundary key={activeTab} panel={tabLabel(activeTab)}>
                  {activeTab === 'overview' && <OverviewTab caseRecord={record} onNavigate={onTab} />}
                  {activeTab === 'evidence' && <EvidenceTab caseRecord={record} />}
                  {activeTab === 'tokens' && (
                    <TokensTab
                      caseId={caseId}
                      focus={focus}
                      onShowEvents={(tokenHash) => onTab('timeline', tokenHash)}
                      onOpenView={onTab}
                    />
                  )}
                  {activeTab === 'timeline' && (
                    <TimelineRoute
                      key={focus ?? ''}
                      caseRecord={record}
                      focus={focus}
                      onOpenToken={(tokenHash) => onTab('tokens', tokenHash)}
                    />
                  )}
                  {activeTab === 'findings' && <FindingsTab caseRecord={record} focus={focus} onNavigate={onTab} />}
                  {activeTab === 'lifecycle' && <LifecycleTab caseId={caseId} focus={focus} onNavigate={onTab} />}
                  {activeTab === 'map' && (
                    <MapTab key={focus ?? ''} caseRecord={record} focus={focus} onNavigate={onTab} />
                  )}
                  {activeTab === 'people' && <PeopleTab caseId={caseId} focus={focus} onNavigate={onTab} />}
                  {activeTab === 'apis' && <ApisTab caseId={caseId} focus={focus} onNavigate={onTab} />}
                  {activeTab === 'journal' && <JournalTab caseId={caseId} />}
                  {activeTab === 'exercise' && <ExerciseTab caseRecord={record} />}
                </ErrorBoundary>
              </div>
            </RemedyContext.Provider>
          </CaseFilterContext.Provider>
        </SubjectNamesContext.Provider>
      </HiddenViewsContext.Provider>
      {drop.dragging && (
        <div className="drop-overlay" data-testid="drop-zone">
          Drop to verify — nothing is stored until you choose Import
        </div>
      )}
    </main>
  );
}
