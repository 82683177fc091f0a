// The Journal: every entry of the case's custody chain — imports, re-verifications, parameter changes and every
// investigator action (annotations, bulk annotations, renames, discarded evidence, exports) — filtered by
// investigator, action and time, paged. *Verify chain* re-reads the chain from the store and checks it against the
// case's anchor (the same check and wording as the Evidence tab's custody log); *Export journal* saves it as JSON
// Lines and journals the export.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { CustodyAnchor, CustodyEntry } from '../../core/evidence';
import { ChainStatus } from '../evidence/ChainStatus';
import { EntryDetail } from '../evidence/CustodyLog';
import { useApp } from '../shell/app-context';
import { plural, safeText, shortHash } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { JournalFilters } from './JournalFilters';
import { filterJournal, journalInvestigators, journalPage, NO_JOURNAL_FILTER } from './journal-filter';
import type { JournalExport } from './journal-export';
import { caseJournal, exportCaseJournal } from './queries';

interface Verification {
  readonly entries: readonly CustodyEntry[];
  readonly anchor: CustodyAnchor | undefined;
}

function JournalTable({ rows }: { readonly rows: readonly CustodyEntry[] }) {
  const { timeZone } = useApp();
  return (
    <table className="table" data-testid="journal-table">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>Time</th>
          <th>Investigator</th>
          <th>Action</th>
          <th>Target</th>
          <th>Digest</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => (
          <tr key={entry.seq} data-testid="journal-row" data-seq={entry.seq} data-action={entry.action}>
            <td className="num">{entry.seq}</td>
            <td className="mono nowrap">{formatInstant(entry.at, timeZone)}</td>
            <td data-testid="journal-investigator">{entry.investigator}</td>
            <td>{entry.action}</td>
            <td className="mono">{safeText(entry.target ?? entry.source)}</td>
            <td className="mono" data-testid="journal-digest" title={entry.digest ?? `hash ${entry.hash}`}>
              {entry.digest ? shortHash(entry.digest, 12) : '—'}
            </td>
            <td className="small detail">
              <EntryDetail entry={entry} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExportLine({ result }: { readonly result: JournalExport | string }) {
  if (typeof result === 'string')
    return (
      <p className="error small" role="alert" data-testid="journal-export-result">
        Export failed: {result}
      </p>
    );
  return (
    <p className="small muted" role="status" data-testid="journal-export-result" data-saved={result.saved}>
      {result.saved
        ? `Saved ${safeText(result.name)}: ${plural(result.entries, 'entry', 'entries')}, SHA-256 ${result.sha256} (journaled as an export)`
        : 'Export cancelled: nothing was saved or journaled.'}
    </p>
  );
}

export function JournalTab({ caseId }: { readonly caseId: string }) {
  const { host, investigator } = useApp();
  const journal = useLiveQuery(() => caseJournal(caseId), [caseId]);
  const [filter, setFilter] = useState(NO_JOURNAL_FILTER);
  const [pageIndex, setPageIndex] = useState(0);
  const [verification, setVerification] = useState<Verification>();
  const [exported, setExported] = useState<JournalExport | string>();
  const [busy, setBusy] = useState(false);
  const entries = useMemo(() => journal?.entries ?? [], [journal]);
  const filtered = useMemo(() => filterJournal(entries, filter), [entries, filter]);
  const investigators = useMemo(() => journalInvestigators(entries), [entries]);
  if (!journal) return <div className="loading">Loading journal…</div>;
  const page = journalPage(filtered, pageIndex);

  const verify = async () => {
    // Read again rather than check what the view holds: the point is what the store says now.
    const fresh = await caseJournal(caseId);
    setVerification({ entries: fresh.entries, anchor: fresh.caseRecord?.custodyAnchor });
  };
  const exportJournal = async () => {
    setBusy(true);
    try {
      setExported(await exportCaseJournal(caseId, investigator, (name, bytes) => host.saveExport(name, bytes)));
    } catch (error) {
      setExported(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const changeFilter = (next: typeof filter) => {
    setFilter(next);
    setPageIndex(0);
  };

  return (
    <section className="panel" data-testid="journal" aria-label="Journal">
      <div className="panel-head">
        <h2>
          Journal{' '}
          <span className="muted small" data-testid="journal-count">
            {filtered.length === entries.length
              ? plural(entries.length, 'entry', 'entries')
              : `${filtered.length} of ${plural(entries.length, 'entry', 'entries')}`}
          </span>
        </h2>
        <div className="inline-field">
          <button type="button" data-testid="journal-verify" onClick={() => void verify()}>
            Verify chain
          </button>
          <button type="button" data-testid="journal-export" disabled={busy} onClick={() => void exportJournal()}>
            Export journal…
          </button>
        </div>
      </div>
      {verification && (
        <p data-testid="journal-verification">
          <ChainStatus entries={verification.entries} anchor={verification.anchor} testId="journal-chain-status" />
        </p>
      )}
      {exported && <ExportLine result={exported} />}
      <JournalFilters filter={filter} investigators={investigators} onChange={changeFilter} />
      {filtered.length === 0 ? (
        <p className="empty" data-testid="journal-empty">
          No entry matches this filter.
        </p>
      ) : (
        <JournalTable rows={page.rows} />
      )}
      {page.pages > 1 && (
        <nav className="inline-field" aria-label="Journal pages" data-testid="journal-pages">
          <button type="button" disabled={page.page === 0} onClick={() => setPageIndex(page.page - 1)}>
            ← Earlier
          </button>
          <span className="small muted">
            page {page.page + 1} of {page.pages}
          </span>
          <button
            type="button"
            data-testid="journal-next-page"
            disabled={page.page === page.pages - 1}
            onClick={() => setPageIndex(page.page + 1)}
          >
            Later →
          </button>
        </nav>
      )}
    </section>
  );
}
