import { describe, expect, it } from 'vitest';
import type { AnnotationState } from '../../../../core/annotations';
import { annotationWrite } from '../../../../renderer/annotations/annotation-write';
import type { AnnotationStateRecord } from '../../../../renderer/db/annotation-records';
import { applyBulkChange, describeBulkChange } from '../../../../renderer/annotations/bulk-change';
import { findingFilterText, timelineFilterText } from '../../../../renderer/annotations/bulk-filter-text';
import { NO_FINDING_FILTER } from '../../../../renderer/findings/finding-filter';

const AUTHOR = { at: 5, investigator: 'Casey', bulkId: 'bulk-1' } as const;
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

describe('bulk rows (annotationWrite with a bulk id)', () => {
  const write = (previous: AnnotationStateRecord | undefined, next: AnnotationState) =>
    annotationWrite({ caseId: 'c1', target: EVENT, previous, next, ...AUTHOR });

  it('creates revision 0 with the bulk id and a state row with its facets', () => {
    const rows = write(undefined, { note: '', tags: ['x'], starred: true })!;
    expect(rows.revision).toMatchObject({ rev: 0, change: 'created', before: null, bulkId: 'bulk-1' });
    expect(rows.state.facets).toEqual([
      ['c1', 'event', 'tag', 'x'],
      ['c1', 'event', 'starred', ''],
    ]);
  });

  it('records an emptied state as a deletion and keeps the row, so the next revision is numbered on', () => {
    const first = write(undefined, { note: '', tags: ['a'], starred: false })!;
    const deleted = write(first.state, { note: '', tags: [], starred: false })!;
    expect(deleted.revision).toMatchObject({ rev: 1, change: 'deleted', after: null });
    expect(deleted.state.facets).toEqual([]);
    const again = write(deleted.state, { note: '', tags: ['b'], starred: false })!;
    expect(again.revision).toMatchObject({ rev: 2, change: 'created', before: null });
    expect(write(deleted.state, { note: '', tags: [], starred: false })).toBeUndefined();
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
