import { describe, expect, it } from 'vitest';
import {
  annotationProblem,
  changeDigest,
  isEmptyAnnotation,
  noteLinks,
  normalizeAnnotation,
  parseTargetKey,
  targetKey,
} from '../../../core/annotations';

describe('annotation targets', () => {
  it('round-trips kind:id and refuses unknown kinds', () => {
    expect(targetKey({ kind: 'event', id: '42' })).toBe('event:42');
    expect(parseTargetKey('finding:impossible-travel:abc')).toEqual({ kind: 'finding', id: 'impossible-travel:abc' });
    expect(parseTargetKey('user:alice')).toBeUndefined();
    expect(parseTargetKey('token:')).toBeUndefined();
  });

  it('finds links to other items in a note', () => {
    const links = noteLinks('same as event:17, see token:ab12 and user:x');
    expect(links.map((link) => targetKey(link.target))).toEqual(['event:17', 'token:ab12']);
    expect(links[0]).toMatchObject({ start: 8, end: 16 });
  });

  it("links a finding by its whole key, which holds | : and >, and leaves a sentence's full stop out", () => {
    const key = 'impossible-travel|okta.json:2>okta.json:23|e5bf:2:0';
    const links = noteLinks(`Confirmed, see finding:${key}. Also (event:9).`);
    expect(links.map((link) => targetKey(link.target))).toEqual([`finding:${key}`, 'event:9']);
  });
});

describe('annotation state', () => {
  it('normalizes tags so equal states have equal digests', () => {
    const a = normalizeAnnotation({ note: 'n', tags: ['b', 'a', 'b ', ''], starred: false });
    const b = normalizeAnnotation({ note: 'n', tags: ['a', 'b'], starred: false });
    expect(a).toEqual(b);
    expect(changeDigest(a)).toBe(changeDigest(b));
    expect(changeDigest(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a severity override without a reason and dispositions on non-findings', () => {
    const base = { note: '', tags: [], starred: false };
    expect(annotationProblem({ ...base, severityOverride: { severity: 'low', reason: ' ' } }, true)).toMatch(/reason/);
    expect(annotationProblem({ ...base, disposition: 'confirmed' }, false)).toMatch(/finding/);
    expect(annotationProblem({ ...base, disposition: 'confirmed' }, true)).toBeUndefined();
    expect(isEmptyAnnotation(base)).toBe(true);
    expect(isEmptyAnnotation({ ...base, starred: true })).toBe(false);
  });
});
