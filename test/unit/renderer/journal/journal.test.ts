import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../core';
import {
  createCustodyEntry,
  custodyAnchorOf,
  checkCustodyChain,
  type CustodyEntry,
  type CustodyFields,
} from '../../../../core/evidence';
import { journalFileName, journalJsonl } from '../../../../renderer/journal/journal-export';
import {
  filterJournal,
  journalInvestigators,
  journalPage,
  JOURNAL_PAGE_SIZE,
  NO_JOURNAL_FILTER,
} from '../../../../renderer/journal/journal-filter';

function chain(fields: readonly Partial<CustodyFields>[]): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  for (const [index, field] of fields.entries()) {
    entries.push(
      createCustodyEntry(entries.at(-1), {
        caseId: 'c1',
        at: 1_000 * index,
        investigator: 'Casey',
        action: 'import',
        source: `s${index}`,
        files: [],
        toolVersion: 'test',
        ...field,
      }),
    );
  }
  return entries;
}

const ENTRIES = chain([
  { action: 'case-created' },
  { action: 'import', investigator: 'Robin' },
  { action: 'bulk-annotation', digest: 'ab'.repeat(32) },
  { action: 'case-renamed', investigator: 'Robin' },
]);

describe('journal filter', () => {
  it('keeps everything without a filter', () => {
    expect(filterJournal(ENTRIES, NO_JOURNAL_FILTER)).toHaveLength(4);
  });

  it('narrows by investigator, action and an inclusive time range, together', () => {
    expect(filterJournal(ENTRIES, { ...NO_JOURNAL_FILTER, investigator: 'Robin' }).map((e) => e.seq)).toEqual([1, 3]);
    expect(filterJournal(ENTRIES, { ...NO_JOURNAL_FILTER, action: 'bulk-annotation' }).map((e) => e.seq)).toEqual([2]);
    expect(filterJournal(ENTRIES, { ...NO_JOURNAL_FILTER, from: 1_000, to: 2_000 }).map((e) => e.seq)).toEqual([1, 2]);
    expect(
      filterJournal(ENTRIES, { investigator: 'Robin', action: 'case-renamed', from: 0, to: 2_999 }).map((e) => e.seq),
    ).toEqual([]);
  });

  it('lists each investigator once, sorted', () => {
    expect(journalInvestigators(ENTRIES)).toEqual(['Casey', 'Robin']);
  });

  it('pages and clamps a page past the end to the last one', () => {
    const many = Array.from({ length: JOURNAL_PAGE_SIZE * 2 + 5 }, (_, index) => index);
    expect(journalPage(many, 0)).toMatchObject({ page: 0, pages: 3 });
    const last = journalPage(many, 9);
    expect(last.page).toBe(2);
    expect(last.rows).toEqual([JOURNAL_PAGE_SIZE * 2, JOURNAL_PAGE_SIZE * 2 + 1, 202, 203, 204]);
    expect(journalPage([], 0)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});

describe('journal export', () => {
  it('writes one canonical JSON entry per line, from which the chain verifies again', () => {
    const text = journalJsonl(ENTRIES);
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual(ENTRIES.map((entry) => canonicalJson(entry)));
    const parsed = lines.slice(0, -1).map((line) => JSON.parse(line) as CustodyEntry);
    expect(checkCustodyChain(parsed, custodyAnchorOf(parsed.at(-1)))).toMatchObject({ intact: true, present: 4 });
  });

  it('shows an edited line as a broken chain at that entry', () => {
    const parsed = journalJsonl(ENTRIES)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CustodyEntry);
    parsed[2] = { ...parsed[2]!, investigator: 'Mallory' };
    expect(checkCustodyChain(parsed, custodyAnchorOf(parsed.at(-1)))).toMatchObject({
      intact: false,
      problem: 'altered',
      brokenAt: 2,
    });
  });

  it('names the file after the case, safe for any file system', () => {
    expect(journalFileName({ id: 'x', title: 'Northwind / theft: "mobile"' }, Date.UTC(2026, 10, 2))).toBe(
      'Northwind-theft-mobile-journal-2026-11-02.jsonl',
    );
    expect(journalFileName({ id: 'case-id', title: '///' }, 0)).toBe('case-id-journal-1970-01-01.jsonl');
  });
});
