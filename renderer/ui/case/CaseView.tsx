// One case: its header, the import flow, and the Evidence and Tokens tabs.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/schema';
import { useApp } from '../app-context';
import { EvidenceTab } from '../evidence/EvidenceTab';
import { formatBytes, plural } from '../format';
import { ImportBar } from '../import/ImportBar';
import { useFileDrop } from '../import/use-file-drop';
import { useImport } from '../import/use-import';
import { VerdictPanel } from '../import/VerdictPanel';
import type { CaseTab } from '../route';
import { TokensTab } from '../tokens/TokensTab';
import { CaseTabs } from './CaseTabs';

interface CaseViewProps {
  readonly caseId: string;
  readonly tab: CaseTab;
  readonly onTab: (tab: CaseTab) => void;
  readonly onClosed: () => void;
}

export function CaseView({ caseId, tab, onTab, onClosed }: CaseViewProps) {
  const { host, investigator } = useApp();
  // null (not undefined) once loaded and absent, so "loading" and "not found" can be told apart.
  const record = useLiveQuery(async () => (await db.cases.get(caseId)) ?? null, [caseId]);
  const controls = useImport(caseId, investigator);
  const { start } = controls;
  const drop = useFileDrop(start, controls.fail);

  useEffect(() => host.onOpenBundleCommand(() => void host.pick('zip').then((picked) => picked && start(picked))), [host, start]);

  if (record === undefined) return <div className="loading">Loading case…</div>;
  if (record === null) {
    return (
      <main className="page" data-testid="case-missing">
        <div className="empty">
          <p><strong>This case does not exist on this machine.</strong> It may have been deleted.</p>
          <button type="button" onClick={onClosed}>Back to cases</button>
        </div>
      </main>
    );
  }

  const { counts } = record;
  return (
    <main className={`page case-page${drop.dragging ? ' dragging' : ''}`} data-testid="case-view" {...drop.handlers}>
      <header className="case-head">
        <div>
          <h1 data-testid="case-title">{record.title}</h1>
          <p className="muted">
            {record.caseNumber && <span className="mono">{record.caseNumber} · </span>}
            {plural(counts.imports, 'import')} · {plural(counts.files, 'file')} · {formatBytes(counts.bytes)} ·{' '}
            {plural(counts.tokens, 'token')} · {plural(counts.custodyEntries, 'custody entry', 'custody entries')}
          </p>
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
      <CaseTabs active={tab} counts={{ evidence: counts.files, tokens: counts.tokens }} onSelect={onTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'evidence' ? <EvidenceTab caseRecord={record} /> : <TokensTab caseId={caseId} />}
      </div>
      {drop.dragging && <div className="drop-overlay" data-testid="drop-zone">Drop to verify — nothing is stored until you choose Import</div>}
    </main>
  );
}
