// The Tokens tab: the analysis and wordlist controls, the filtered list of distinct tokens with their verdicts,
// and the selected token in detail.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import {
  filterTokenRows,
  joinAnalyses,
  offeredSort,
  sortTokenRows,
  type TokenFilter,
  type TokenSort,
} from './token-filter';
import { caseTokens, tokenAnalysisSummaries } from './queries';
import { AnalysisBar } from './AnalysisBar';
import { TokenDetail } from './TokenDetail';
import { TokenFilters } from './TokenFilters';
import { TokenList } from './TokenList';
import { useAnalysisRunning } from './use-analysis-job';
import { WordlistPanel } from './WordlistPanel';
import { listAnnotations } from '../annotations/queries';
import './token-analysis.css';
import { BulkAnnotationBar } from '../annotations/BulkAnnotationBar';
import { tokenFilterText } from '../annotations/bulk-filter-text';
import type { BulkSelection } from '../annotations/bulk-annotation-targets';
import { useHiddenViews } from '../exercise/hidden-views';

const NO_FILTER: TokenFilter = { verdict: 'any', severity: 'any' };

interface TokensTabProps {
  readonly caseId: string;
  /** The token to select first (e.g. coming back from its events in the timeline). */
  readonly focus?: string;
  /** Opens the timeline filtered to a token's events. */
  readonly onShowEvents?: (tokenHash: string) => void;
  /** Opens a token's lifecycle diagram or its map (renderer/lifecycle, renderer/map). */
  readonly onOpenView?: (view: 'lifecycle' | 'map', focus: string) => void;
}

export function TokensTab({ caseId, focus, onShowEvents, onOpenView }: TokensTabProps) {
  const tokens = useLiveQuery(() => caseTokens(caseId), [caseId]);
  const analyses = useLiveQuery(() => tokenAnalysisSummaries(caseId), [caseId]);
  const annotations = useLiveQuery(() => listAnnotations(caseId, 'token'), [caseId]);
  const keyAnnotations = useLiveQuery(() => listAnnotations(caseId, 'key'), [caseId]);
  const [selected, setSelected] = useState<string | undefined>(focus);
  const [filter, setFilter] = useState(NO_FILTER);
  const [sort, setSort] = useState<TokenSort>('issued');
  const analysing = useAnalysisRunning(caseId, 'analyze');
  const { tokenChecks: checksHidden } = useHiddenViews();
  const rows = useMemo(
    () => joinAnalyses(tokens ?? [], analyses ?? [], annotations, keyAnnotations),
    [tokens, analyses, annotations, keyAnnotations],
  );
  const order = offeredSort(sort, checksHidden);
  const shown = useMemo(() => sortTokenRows(filterTokenRows(rows, filter), order), [rows, filter, order]);
  const bulkSelection = useMemo((): BulkSelection => ({ kind: 'token', filter }), [filter]);
  if (!tokens) return <div className="loading">Loading tokens…</div>;
  if (tokens.length === 0) {
    return (
      <div className="empty" data-testid="tokens-empty">
        <p>
          <strong>No tokens found in this case yet.</strong>
        </p>
        <p>Tokens are found in every imported file: Authorization headers, cookies, JSON fields and plain text.</p>
      </div>
    );
  }
  const current = shown.find((row) => row.token.tokenHash === selected) ?? shown[0];
  return (
    <div className="stack">
      {checksHidden ? (
        <p className="notice" data-testid="token-checks-hidden">
          The token checks are hidden in this exercise: verdicts, verifying keys and the checks&apos; findings are yours
          to work out.
        </p>
      ) : (
        <div className="panel analysis-controls">
          <AnalysisBar caseId={caseId} analysed={analyses?.length ?? 0} total={tokens.length} />
          <WordlistPanel caseId={caseId} disabled={analysing} />
        </div>
      )}
      <TokenFilters
        caseId={caseId}
        filter={filter}
        onChange={setFilter}
        sort={order}
        onSort={setSort}
        shown={shown.length}
        total={rows.length}
        checksHidden={checksHidden}
      />
      <BulkAnnotationBar
        caseId={caseId}
        selection={bulkSelection}
        matchCount={shown.length}
        filterText={tokenFilterText(filter)}
      />
      <div className="tokens-layout">
        {shown.length > 0 ? (
          <TokenList
            rows={shown}
            selected={current?.token.tokenHash}
            onSelect={setSelected}
            checksHidden={checksHidden}
          />
        ) : (
          <div className="empty" data-testid="tokens-filtered-empty">
            No token matches these filters.
          </div>
        )}
        {current && (
          <TokenDetail
            key={current.token.tokenHash}
            row={current}
            onShowEvents={onShowEvents}
            onOpenView={onOpenView}
          />
        )}
      </div>
    </div>
  );
}
