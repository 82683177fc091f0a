import { describe, expect, it } from 'vitest';
import type { AnnotationState } from '../../../../core/annotations';
import {
  describeAnnotationFilter,
  filterFacetKeys,
  isEmptyAnnotationFilter,
  matchesAnnotation,
} from '../../../../renderer/annotations/annotation-filter';
import { annotationKeyCommand } from '../../../../renderer/annotations/annotation-keys';
import { describeAnnotationChange } from '../../../../renderer/annotations/change-summary';
import { revisionChanges } from '../../../../renderer/annotations/revision-changes';
import { TAG_PALETTE, tagColour } from '../../../../renderer/annotations/tag-colour';
import { annotationFacets } from '../../../../renderer/annotations/annotation-write';
import type { StoredFinding } from '../../../../renderer/db/case-analysis-records';
import { dispositionCounts, groupByDisposition } from '../../../../renderer/findings/finding-dispositions';
import { filterFindings, NO_FINDING_FILTER } from '../../../../renderer/findings/finding-filter';
import { filterPredicate, isEmptyFilter } from '../../../../renderer/timeline/timeline-filter';
import type { StoredEvent } from '../../../../renderer/db/event-records';

const EMPTY: AnnotationState = { note: '', tags: [], starred: false };
const tagged: AnnotationState = { note: 'see event:4', tags: ['phishing', 'vip'], starred: true };

describe('the annotation filter', () => {
  it('keeps items by tag, star, note and disposition, unjudged findings counting as open', () => {
    expect(matchesAnnotation(tagged, { tag: 'vip', starred: true, hasNote: true })).toBe(true);
    expect(matchesAnnotation(tagged, { tag: 'other' })).toBe(false);
    expect(matchesAnnotation(undefined, { starred: true })).toBe(false);
    expect(matchesAnnotation({ ...EMPTY, starred: true }, { hasNote: true })).toBe(false);
    expect(matchesAnnotation(undefined, { disposition: 'open' })).toBe(true);
    expect(matchesAnnotation({ ...EMPTY, disposition: 'confirmed' }, { disposition: 'open' })).toBe(false);
    expect(matchesAnnotation(undefined, undefined)).toBe(true);
    expect([isEmptyAnnotationFilter({}), isEmptyAnnotationFilter({ hasNote: true })]).toEqual([true, false]);
    expect(describeAnnotationFilter({ tag: 'vip', starred: true, hasNote: true })).toEqual([
      'tag vip',
      'starred',
      'has a note',
    ]);
  });

  it('asks the index for the entries the writer puts: every filter facet is one an annotated item carries', () => {
    const filter = { tag: 'vip', starred: true, hasNote: true };
    const carried = annotationFacets('c', 'event', tagged).map((key) => key.join('|'));
    for (const key of filterFacetKeys('c', 'event', filter)) expect(carried).toContain(key.join('|'));
    // `open` cannot be asked of the index (unjudged findings have no row): no key for it.
    expect(filterFacetKeys('c', 'finding', { disposition: 'open' })).toEqual([]);
    expect(filterFacetKeys('c', 'finding', { disposition: 'confirmed' })).toEqual([
      ['c', 'finding', 'disposition', 'confirmed'],
    ]);
  });

  it('narrows the timeline through the resolved seqs, and counts as a filter', () => {
    const row = (seq: number) => ({ seq, fileId: 'f', event: { kind: 'login' } }) as unknown as StoredEvent;
    const test = filterPredicate({ annotatedSeqs: new Set([2]) })!;
    expect([test(row(1)), test(row(2))]).toEqual([false, true]);
    expect(filterPredicate({ annotation: { starred: true } })).toBeUndefined(); // not resolved: not tested
    expect(isEmptyFilter({ annotation: { starred: true } })).toBe(false);
    expect(isEmptyFilter({ annotation: {} })).toBe(true);
  });
});

describe('findings by disposition', () => {
  const finding = (key: string) =>
    ({ key, id: key, severity: 'high', title: key, tokenHashes: [] }) as unknown as StoredFinding;
  const findings = [finding('a'), finding('b'), finding('c'), finding('d')];
  const annotations = new Map<string, AnnotationState>([
    ['a', { ...EMPTY, disposition: 'confirmed' }],
    ['b', { ...EMPTY, starred: true }],
    ['c', { ...EMPTY, disposition: 'false-positive', tags: ['noise'] }],
  ]);

  it('counts every disposition, unjudged and undisposed findings as open, and groups open first', () => {
    expect(dispositionCounts(findings, annotations)).toEqual({
      open: 2,
      confirmed: 1,
      'false-positive': 1,
      'needs-review': 0,
    });
    expect(
      groupByDisposition(findings, annotations).map((group) => [group.disposition, group.findings.length]),
    ).toEqual([
      ['open', 2],
      ['confirmed', 1],
      ['false-positive', 1],
    ]);
  });

  it('filters by annotation with the other filters', () => {
    const keys = (filter: typeof NO_FINDING_FILTER) =>
      filterFindings(findings, filter, annotations).map((item) => item.key);
    expect(keys({ ...NO_FINDING_FILTER, annotation: { disposition: 'open' } })).toEqual(['b', 'd']);
    expect(keys({ ...NO_FINDING_FILTER, annotation: { tag: 'noise' } })).toEqual(['c']);
    expect(keys({ ...NO_FINDING_FILTER, annotation: { starred: true } })).toEqual(['b']);
  });
});

describe('what a revision changed', () => {
  it('lists each changed field before and after, and sums it up for the journal', () => {
    const after: AnnotationState = {
      ...tagged,
      tags: ['phishing', 'stolen'],
      note: 'see event:5',
      severityOverride: { severity: 'low', reason: 'lab only' },
    };
    expect(revisionChanges(tagged, after)).toEqual([
      { field: 'tags', before: 'phishing, vip', after: 'phishing, stolen' },
      { field: 'note', before: 'see event:4', after: 'see event:5' },
      { field: 'severity override', before: '', after: 'low (lab only)' },
    ]);
    expect(describeAnnotationChange(tagged, after)).toBe('tags +stolen -vip; note edited; severity overridden to low');
    expect(describeAnnotationChange(null, { ...EMPTY, starred: true, note: 'x' })).toBe('starred; note added');
    expect(describeAnnotationChange(tagged, null)).toBe('annotation removed');
    expect(revisionChanges(null, tagged).map((change) => change.field)).toEqual(['starred', 'tags', 'note']);
  });
});

describe('tag colours and annotation keys', () => {
  it('gives a name the same palette colour every time, and spreads names over the palette', () => {
    expect(tagColour('phishing')).toBe(tagColour('phishing'));
    expect(TAG_PALETTE).toContain(tagColour('phishing'));
    const used = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map(tagColour));
    expect(used.size).toBeGreaterThan(3);
  });

  it('takes s, t and n without a modifier and never from a text field', () => {
    const key = (name: string, extra: Partial<Parameters<typeof annotationKeyCommand>[0]> = {}) =>
      annotationKeyCommand({ key: name, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra });
    expect([key('s'), key('t'), key('n'), key('x'), key('ArrowDown')]).toEqual([
      'star',
      'tag',
      'note',
      undefined,
      undefined,
    ]);
    expect(key('s', { ctrlKey: true })).toBeUndefined();
    expect(key('n', { target: { tagName: 'TEXTAREA' } as unknown as EventTarget })).toBeUndefined();
    expect(key('t', { target: { tagName: 'INPUT' } as unknown as EventTarget })).toBeUndefined();
    expect(key('s', { target: { tagName: 'DIV' } as unknown as EventTarget })).toBe('star');
  });
});
