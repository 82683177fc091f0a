import { describe, expect, it } from 'vitest';
import { changeDigest, type AnnotationState } from '../../../../core/annotations';
import { annotationWrite, type AnnotationWriteInput } from '../../../../renderer/annotations/annotation-write';

const EMPTY: AnnotationState = { note: '', tags: [], starred: false };
const base: Omit<AnnotationWriteInput, 'next'> = {
  caseId: 'case-1',
  target: { kind: 'event', id: '42' },
  investigator: 'Ada',
  at: 1_700_000_000_000,
  previous: undefined,
};

describe('annotationWrite', () => {
  it('creates revision 0 with its state row, facets, action and digest', () => {
    const write = annotationWrite({ ...base, next: { note: 'see token:ab', tags: ['b', 'a', 'a'], starred: true } });
    const after = { note: 'see token:ab', tags: ['a', 'b'], starred: true };
    expect(write?.change).toBe('created');
    expect(write?.action).toBe('annotation-created');
    expect(write?.revision).toEqual({ ...base, target: 'event:42', rev: 0, change: 'created', before: null, after });
    expect(write?.state).toMatchObject({ caseId: 'case-1', target: 'event:42', kind: 'event', id: '42', rev: 0 });
    expect(write?.state?.facets).toEqual([
      ['case-1', 'event', 'tag', 'a'],
      ['case-1', 'event', 'tag', 'b'],
      ['case-1', 'event', 'starred', ''],
      ['case-1', 'event', 'note', ''],
    ]);
    expect(write?.stateKey).toEqual(['case-1', 'event:42']);
    expect(write?.digest).toBe(changeDigest({ target: 'event:42', rev: 0, before: null, after }));
  });

  it('edits after the previous revision, keeps before and after, and writes nothing for the same state', () => {
    const created = annotationWrite({ ...base, next: { ...EMPTY, note: 'first' } });
    const edited = annotationWrite({
      ...base,
      at: base.at + 1,
      previous: created?.state,
      next: { ...EMPTY, note: 'second' },
    });
    expect(edited?.change).toBe('edited');
    expect(edited?.action).toBe('annotation-edited');
    expect(edited?.revision).toMatchObject({ rev: 1, before: { note: 'first' }, after: { note: 'second' } });
    expect(edited?.digest).not.toBe(created?.digest);
    expect(annotationWrite({ ...base, previous: edited?.state, next: { ...EMPTY, note: 'second' } })).toBeUndefined();
    expect(annotationWrite({ ...base, next: EMPTY })).toBeUndefined();
  });

  it('empties the state row when the annotation is deleted, and numbering continues after the deletion', () => {
    const created = annotationWrite({ ...base, next: { ...EMPTY, starred: true } });
    const deleted = annotationWrite({ ...base, previous: created?.state, next: EMPTY });
    expect(deleted).toMatchObject({ change: 'deleted', action: 'annotation-deleted' });
    expect(deleted?.state).toMatchObject({ rev: 1, state: EMPTY, facets: [] });
    expect(deleted?.revision).toMatchObject({ rev: 1, before: { starred: true }, after: null });
    const again = annotationWrite({ ...base, previous: deleted?.state, next: { ...EMPTY, starred: true } });
    expect(again?.revision).toMatchObject({ rev: 2, change: 'created', before: null });
    // An item with a history but no state row (the store looks its last revision up) is numbered on from lastRev.
    const legacy = annotationWrite({ ...base, previous: undefined, lastRev: 4, next: { ...EMPTY, starred: true } });
    expect(legacy?.revision.rev).toBe(5);
  });

  it('refuses findings-only fields elsewhere and an override without a reason; records a bulk id', () => {
    expect(() => annotationWrite({ ...base, next: { ...EMPTY, disposition: 'confirmed' } })).toThrow(
      /event:42.*finding/,
    );
    const finding = { ...base, target: { kind: 'finding', id: 'k' } } as const;
    const override = { severity: 'low', reason: '' };
    expect(() => annotationWrite({ ...finding, next: { ...EMPTY, severityOverride: override } })).toThrow(/reason/);
    const write = annotationWrite({ ...finding, bulkId: 'b1', next: { ...EMPTY, disposition: 'false-positive' } });
    expect(write?.revision.bulkId).toBe('b1');
    expect(write?.state?.facets).toEqual([['case-1', 'finding', 'disposition', 'false-positive']]);
  });
});
