import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingEventRef } from '../../../../core/timeline/types';
import type { StoredFinding } from '../../../../renderer/db/case-analysis-records';
import type { StoredEvent } from '../../../../renderer/db/event-records';
import { evidenceKept, evidenceSeqs, findingsInFilter } from '../../../../renderer/findings/findings-in-filter';
import type { TimelineFilter } from '../../../../renderer/timeline/timeline-filter';
import { timelineMatcher } from '../../../../renderer/timeline/timeline-match';
import { aliceCase } from '../db/stored-events';

let rows: StoredEvent[];
beforeAll(async () => {
  rows = await aliceCase();
});

const ref = (seq: number, role: string): FindingEventRef => ({
  id: seq,
  ts: rows[seq]!.ts,
  kind: rows[seq]!.event.kind,
  role,
  source: rows[seq]!.event.source,
});
const finding = (key: string, events: FindingEventRef[]) => ({ key, events }) as Pick<StoredFinding, 'key' | 'events'>;

/** seq → kept, as eventMatches reads it from the store. */
const keptBy = (filter: TimelineFilter) => new Map(rows.map((row) => [row.seq, timelineMatcher(filter)(row)]));

describe('findings under the timeline filter', () => {
  it('keeps a finding when at least one of its evidence events is in the filtered timeline', () => {
    const findings = [
      finding('impossible-travel', [ref(3, 'from'), ref(2, 'to')]),
      finding('outdated-client', [ref(2, 'use')]),
      finding('bob-login', [ref(1, 'issue')]),
      finding('token-check-without-events', []),
    ];
    const keys = (filter: TimelineFilter) => findingsInFilter(findings, keptBy(filter)).map((item) => item.key);
    // Filtered to the London IP: only the access-log line (the hop's "from") is in the timeline.
    expect(keys({ facets: { ip: '81.2.69.160' } })).toEqual(['impossible-travel']);
    expect(keys({ facets: { country: 'KP' } })).toEqual(['impossible-travel', 'outdated-client']);
    expect(keys({ facets: { subject: 'bob@example.com' } })).toEqual(['bob-login']);
    expect(keys({ from: rows[2]!.ts + 1 })).toEqual([]);
    // No linked event, nothing a filter can keep.
    expect(keys({ text: 'x' })).not.toContain('token-check-without-events');
  });

  it('reads the seqs a finding links and says which of them the filter keeps', () => {
    const travel = finding('t', [ref(3, 'from'), ref(2, 'to'), { ...ref(4, 'use'), id: 'not-a-seq' }]);
    expect(evidenceSeqs(travel)).toEqual([3, 2]);
    const kept = keptBy({ facets: { ip: '81.2.69.160' } });
    expect(travel.events.map((event) => evidenceKept(event, kept))).toEqual([true, false, false]);
    // An event that is no longer stored (its file was parsed again) is not kept.
    expect(evidenceKept(ref(0, 'issue'), new Map())).toBe(false);
  });
});
