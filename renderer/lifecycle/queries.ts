// The lifecycle feature's reads of the window's store, in one place: views call these, never `db` itself.
import type { StoredLifecycle } from '../db/case-analysis-records';
import { db } from '../db/schema';
import { familyLifecycles } from '../timeline-analysis/timeline-analysis-store';
import { isEmptyFilter, type TimelineFilter } from '../timeline/timeline-filter';
import { lifecycleFilterMarks } from './lifecycle-filter';
import type { OutsideFilter } from './lifecycle-layout';
import { tokenEventTimes } from './token-event-times';

/** Every stored lifecycle of the case, in tokenHash order, for the token picker. */
export function caseLifecycles(caseId: string): Promise<StoredLifecycle[]> {
  return db.lifecycles.where('[caseId+tokenHash]').between([caseId, ''], [caseId, '\uffff']).toArray();
}

export interface LifecycleFamily {
  readonly lifecycle?: StoredLifecycle;
  readonly lanes: StoredLifecycle[];
  /** The use times drawn on each lane (those the filter keeps, when one is set), by tokenHash. */
  readonly uses: ReadonlyMap<string, readonly number[]>;
  /** What the filter left out, when one is set. */
  readonly outside?: OutsideFilter;
}

/** The lifecycles of `tokenHash`'s family with the times of their uses, marked by the timeline filter. */
export async function lifecycleFamily(
  caseId: string,
  tokenHash: string,
  filter: TimelineFilter,
): Promise<LifecycleFamily> {
  const found = await familyLifecycles(db, caseId, tokenHash);
  if (!isEmptyFilter(filter)) {
    const marks = await lifecycleFilterMarks(db, caseId, found.lanes, filter);
    return { ...found, uses: marks.keptUses, outside: { uses: marks.outsideUses, events: marks.outsideEvents } };
  }
  const uses = new Map(
    await Promise.all(
      found.lanes.map(async (lane) => [lane.tokenHash, await tokenEventTimes(db, caseId, lane.tokenHash)] as const),
    ),
  );
  return { ...found, uses, outside: undefined };
}
