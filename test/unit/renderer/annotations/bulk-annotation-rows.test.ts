import { describe, expect, it } from 'vitest';
import { annotationFacets, annotationRows } from '../../../../renderer/annotations/bulk-annotation-rows';
import { applyBulkChange, describeBulkChange } from '../../../../renderer/annotations/bulk-change';
import { findingFilterText, timelineFilterText } from '../../../../renderer/annotations/bulk-filter-text';
import { NO_FINDING_FILTER } from '../../../../renderer/findings/finding-filter';

const AUTHOR = { at: 5, investigator: 'Casey', bulkId: 'bulk-1' };
const EVENT = { kind: 'event', id: '42' } as const;

describe('bulk change', () => {
  it('adds and removes a tag, stars and unstars, leaving the rest of the state alone', () => {
    const state = { note: 'seen', tags: ['b'], starred: false };
    expect(applyBulkChange(state, { op: 'add-tag', tag: 'a' })).toEqual({
      note: 'seen',
      tags: ['a', 'b'],
      starred: false,
    });
    expect(applyBulkChange(state, { op: 'remove-tag', tag: 'b' })).toEqual({ note: 'seen', tags: [], starred: false });
    expect(applyBulkChange(state, { op: 'star' })).toEqual({ note: 'seen', tags: ['b'], starred: true });
    expect(applyBulkChange(undefined, { op: 'add-tag', tag: 'x' })).toEqual({ note: '', tags: ['x'], starred: false });
  });

  it('returns the same state when the change does nothing', () => {
    const state = { note: '', tags: ['a'], starred: true };
    expect(applyBulkChange(state, { op: 'add-tag', tag: 'a' })).toBe(state);
    expect(applyBulkChange(state, { op: 'remove-tag', tag: 'z' })).toBe(state);
    expect(applyBulkChange(state, { op: 'star' })).toBe(state);
  });

  it('says what it does', () => {
    expect(describeBulkChange({ op: 'add-tag', tag: 'phishing' })).toBe('tag "phishing" added');
    expect(describeBulkChange({ op: 'unstar' })).toBe('unstarred');
  });
});

describe('annotation rows', () => {
  it('creates revision 0 and a state row with its facets', () => {
    const rows = annotationRows('c1', EVENT, undefined, { note: '', tags: ['x'], starred: true }, AUTHOR)!;
    expect(rows.revision).toEqual({
      caseId: 'c1',
      target: 'event:42',
      rev: 0,
      at: 5,
      investigator: 'Casey',
      change: 'created',
      before: null,
      after: { note: '', tags: ['x'], starred: true },
      bulkId: 'bulk-1',
    });
    expect(rows.state).toMatchObject({ caseId: 'c1', target: 'event:42', kind: 'event', id: '42', rev: 0 });
    expect(rows.state.facets).toEqual([
      ['c1', 'event', 'tag', 'x'],
      ['c1', 'event', 'starred', ''],
    ]);
  });

  it('edits on top of the previous state, keeping it as `before`', () => {
    const first = annotationRows('c1', EVENT, undefined, { note: 'n', tags: [], starred: false }, AUTHOR)!;
    const second = annotationRows('c1', EVENT, first.state, { note: 'n', tags: ['y'], starred: false }, AUTHOR)!;
    expect(second.revision).toMatchObject({ rev: 1, change: 'edited', before: { note: 'n', tags: [] } });
    expect(second.state.facets).toEqual([
      ['c1', 'event', 'tag', 'y'],
      ['c1', 'event', 'note', ''],
    ]);
  });

  it('writes nothing when nothing changes', () => {
    const first = annotationRows('c1', EVENT, undefined, { note: '', tags: ['a'], starred: false }, AUTHOR)!;
    expect(annotationRows('c1', EVENT, first.state, { note: '', tags: ['a'], starred: false }, AUTHOR)).toBeUndefined();
    expect(annotationRows('c1', EVENT, undefined, { note: '', tags: [], starred: false }, AUTHOR)).toBeUndefined();
  });

  it('records an emptied state as a deletion and keeps the row, so the next revision is numbered on', () => {
    const first = annotationRows('c1', EVENT, undefined, { note: '', tags: ['a'], starred: false }, AUTHOR)!;
    const deleted = annotationRows('c1', EVENT, first.state, { note: '', tags: [], starred: false }, AUTHOR)!;
    expect(deleted.revision).toMatchObject({ rev: 1, change: 'deleted', after: null });
    expect(deleted.state.facets).toEqual([]);
    const again = annotationRows('c1', EVENT, deleted.state, { note: '', tags: ['b'], starred: false }, AUTHOR)!;
    expect(again.revision).toMatchObject({ rev: 2, change: 'created', before: null });
  });

  it('indexes dispositions of findings', () => {
    expect(annotationFacets('c1', 'finding', { note: '', tags: [], starred: false, disposition: 'confirmed' })).toEqual(
      [['c1', 'finding', 'disposition', 'confirmed']],
    );
  });
});

describe('bulk filter text', () => {
  const format = { time: (ts: number) => `T${ts}`, fileName: (id: string) => (id === 'f1' ? 'auth.log' : undefined) };
  it('describes the timeline filter, or says there is none', () => {
    expect(timelineFilterText({}, format)).toBe('no filter');
    expect(timelineFilterText({ from: 1, facets: { kind: 'use', file: 'f1' }, text: 'x' }, format)).toBe(
      'from T1, kind use, source file auth.log, text "x"',
    );
  });
  it('describes the findings filter with the timeline filter it is narrowed by', () => {
    expect(findingFilterText({ ...NO_FINDING_FILTER, severities: ['high'] }, { to: 9 }, format)).toBe(
      'severity high; timeline: to T9',
    );
  });
});
