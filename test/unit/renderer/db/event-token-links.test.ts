// The analysis's digest and jti links written into a stored event: its token facets follow the links, a token the
// record itself carries keeps its facet, and the parsed event is never changed.
import { describe, expect, it } from 'vitest';
import type { StoredEvent, StoredTokenLink } from '../../../../renderer/db/event-records';
import { withTokenLinks } from '../../../../renderer/db/event-rows';

const parsedHash = 'a'.repeat(64);
const linkedHash = 'b'.repeat(64);
const laterHash = 'c'.repeat(64);

function row(tokenLinks?: readonly StoredTokenLink[], extraFacets: StoredEvent['facets'] = []): StoredEvent {
  return {
    caseId: 'case',
    seq: 7,
    ts: 1000,
    ingestId: 'ingest',
    fileId: 'file',
    facets: [['case', 'kind', 'use', 1000, 7], ['case', 'token', parsedHash, 1000, 7], ...extraFacets],
    event: { tokenHashes: [parsedHash] } as unknown as StoredEvent['event'],
    ...(tokenLinks ? { tokenLinks } : {}),
  };
}

const link = (hash: string): StoredTokenLink => ({
  hash,
  link: { by: 'token-sha256', field: 'token_sha256', encoding: 'hex' },
});
const tokenFacets = (stored: StoredEvent) =>
  stored.facets.filter(([, facet]) => facet === 'token').map(([, , value]) => value);

describe('withTokenLinks', () => {
  it('adds a token facet per linked token, at the event time and seq', () => {
    const before = row();
    const after = withTokenLinks(before, [link(linkedHash)]);
    expect(tokenFacets(after)).toEqual([parsedHash, linkedHash]);
    expect(after.facets).toContainEqual(['case', 'token', linkedHash, 1000, 7]);
    expect(after.tokenLinks).toEqual([link(linkedHash)]);
    expect(after.event).toBe(before.event);
  });

  it('replaces the previous links and their facets, keeping what the record carries', () => {
    const linked = row([link(linkedHash)], [['case', 'token', linkedHash, 1000, 7]]);
    const relinked = withTokenLinks(linked, [link(laterHash)]);
    expect(tokenFacets(relinked)).toEqual([parsedHash, laterHash]);
    const cleared = withTokenLinks(linked, undefined);
    expect(tokenFacets(cleared)).toEqual([parsedHash]);
    expect('tokenLinks' in cleared).toBe(false);
  });

  it('never adds a second facet for a token the record carries itself', () => {
    const after = withTokenLinks(row(), [link(parsedHash)]);
    expect(tokenFacets(after)).toEqual([parsedHash]);
    expect(withTokenLinks(after, undefined).facets).toEqual(row().facets);
  });
});
