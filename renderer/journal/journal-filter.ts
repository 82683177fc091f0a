// Narrowing the journal (a case's custody entries): by investigator, by action and by time. Pure: a case's journal
// holds thousands of entries (a bulk job writes one), so the view reads the chain whole and filters it in memory.
import type { CustodyAction, CustodyEntry } from '../../core/evidence';

export interface JournalFilter {
  /** An investigator's name exactly as recorded; '' = anyone. */
  readonly investigator: string;
  /** '' = any action. */
  readonly action: CustodyAction | '';
  /** Inclusive UTC epoch ms. */
  readonly from?: number;
  readonly to?: number;
}

export const NO_JOURNAL_FILTER: JournalFilter = { investigator: '', action: '' };

/** The entries the filter keeps, in chain order. */
export function filterJournal(entries: readonly CustodyEntry[], filter: JournalFilter): CustodyEntry[] {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  return entries.filter(
    (entry) =>
      (!filter.investigator || entry.investigator === filter.investigator) &&
      (!filter.action || entry.action === filter.action) &&
      entry.at >= from &&
      entry.at <= to,
  );
}

/** Every investigator who wrote an entry, sorted, for the filter's picker. */
export function journalInvestigators(entries: readonly CustodyEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.investigator))].sort((a, b) => a.localeCompare(b));
}

/** Entries shown per page: enough to read, few enough that a journal of thousands renders at once. */
export const JOURNAL_PAGE_SIZE = 100;

/** The `page`-th page (0-based) of `entries`, clamped to the last page there is. */
export function journalPage<T>(entries: readonly T[], page: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(entries.length / JOURNAL_PAGE_SIZE));
  const clamped = Math.min(Math.max(0, page), pages - 1);
  return { rows: entries.slice(clamped * JOURNAL_PAGE_SIZE, (clamped + 1) * JOURNAL_PAGE_SIZE), page: clamped, pages };
}
