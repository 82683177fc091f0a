import { describe, expect, it } from 'vitest';
import { noteLinks } from '../../../../core/annotations';
import { noteLinkHash } from '../../../../renderer/annotations/note-link-route';
import { parseRoute } from '../../../../renderer/shell/route';

describe('note links', () => {
  it('open the item each names, in a route the app reads back to the same focus', () => {
    const note = 'token:ab12 replayed at event:17, see finding:alg-none.1 and key:Nv-X_y and file:f00d';
    const routes = noteLinks(note).map((link) => parseRoute(noteLinkHash('case-1', link.target)));
    expect(routes).toEqual([
      { view: 'case', caseId: 'case-1', tab: 'tokens', focus: 'ab12' },
      { view: 'case', caseId: 'case-1', tab: 'timeline', focus: 'event:17' },
      { view: 'case', caseId: 'case-1', tab: 'findings', focus: 'alg-none.1' },
      { view: 'case', caseId: 'case-1', tab: 'tokens' },
      { view: 'case', caseId: 'case-1', tab: 'evidence' },
    ]);
  });

  it('opens the timeline unfocused for an event id that is not a sequence number', () => {
    expect(parseRoute(noteLinkHash('c', { kind: 'event', id: 'x1' }))).toEqual({
      view: 'case',
      caseId: 'c',
      tab: 'timeline',
    });
  });
});
