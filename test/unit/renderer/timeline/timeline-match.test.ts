import { beforeAll, describe, expect, it } from 'vitest';
import { UNTIMED_TS, type StoredEvent } from '../../../../renderer/db/event-records';
import { describeTimelineFilter } from '../../../../renderer/timeline/filter-summary';
import { timelineMatcher } from '../../../../renderer/timeline/timeline-match';
import { aliceCase, ALICE_TOKEN_HASH } from '../db/stored-events';

let rows: StoredEvent[];
beforeAll(async () => {
  rows = await aliceCase();
});
const kept = (matcher: (row: StoredEvent) => boolean) => rows.filter(matcher).map((row) => row.seq);

describe('the timeline filter as a predicate on stored events', () => {
  it('keeps everything without a filter', () => {
    expect(kept(timelineMatcher({}))).toEqual([0, 1, 2, 3, 4]);
  });

  it('bounds time inclusively at both ends, as the index range does', () => {
    const at = rows[3]!.ts;
    expect(kept(timelineMatcher({ from: at, to: at }))).toEqual([3]);
    expect(kept(timelineMatcher({ from: at + 1 }))).toEqual([1, 2, 4]);
    // An untimed event sorts first (UNTIMED_TS): any `from` drops it, a `to` alone keeps it.
    const untimed = { ...rows[1]!, ts: UNTIMED_TS };
    expect(timelineMatcher({ from: 0 })(untimed)).toBe(false);
    expect(timelineMatcher({ to: at })(untimed)).toBe(true);
  });

  it("tests facets and text with the timeline's own predicate: the subject facet is the record's field or its token's sub", () => {
    // The access-log line names no subject but carries alice's token: the subject filter finds it by the token's sub.
    expect(kept(timelineMatcher({ facets: { subject: 'alice@example.com' } }))).toEqual([0, 2, 3]);
    expect(kept(timelineMatcher({ facets: { token: ALICE_TOKEN_HASH } }))).toEqual([0, 3]);
    expect(kept(timelineMatcher({ facets: { ip: '175.45.176.3' } }))).toEqual([2, 4]);
    expect(kept(timelineMatcher({ facets: { country: 'KP' } }))).toEqual([2]);
    expect(kept(timelineMatcher({ facets: { file: 'file-access', kind: 'use' } }))).toEqual([3]);
    expect(kept(timelineMatcher({ text: 'PYTHON-REQUESTS' }))).toEqual([4]);
    expect(kept(timelineMatcher({ facets: { ip: '175.45.176.3' }, from: rows[2]!.ts }))).toEqual([2]);
  });

  it('leaves one facet out when asked', () => {
    expect(kept(timelineMatcher({ facets: { subject: 'nobody', ip: '81.2.69.160' } }, 'subject'))).toEqual([0, 3]);
  });
});

describe('the filter in words', () => {
  it('names each part as the Timeline form labels it, in its order', () => {
    const parts = describeTimelineFilter(
      {
        from: 1000,
        facets: { ip: '175.45.176.3', token: ALICE_TOKEN_HASH, file: 'file-access', subject: '' },
        text: ' refund ',
      },
      { time: (ts) => `t${ts}`, fileName: (id) => (id === 'file-access' ? 'logs/orders-api-access.log' : undefined) },
    );
    expect(parts.map((part) => `${part.label}=${part.value}`)).toEqual([
      'from=t1000',
      `token=${ALICE_TOKEN_HASH.slice(0, 12)}…`,
      'IP=175.45.176.3',
      'source file=logs/orders-api-access.log',
      'text="refund"',
    ]);
    expect(describeTimelineFilter({}, { time: String })).toEqual([]);
  });
});
