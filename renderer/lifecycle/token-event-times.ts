// When a token appears in the case's events, read from the keys of the `facets` index alone
// ([caseId, 'token', tokenHash, ts, seq]): the lifecycle diagram needs the times of the uses, not the records.
import { Dexie } from 'dexie';
import { UNTIMED_TS, type FacetKey } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';

/** A diagram lane cannot show more ticks than it has pixels; the rest are counted in the lifecycle summary. */
export const MAX_TICKS_PER_TOKEN = 2_000;

/** The times (UTC epoch ms) of the token's timed events, earliest first. */
export async function tokenEventTimes(
  database: TokentrailDatabase,
  caseId: string,
  tokenHash: string,
): Promise<number[]> {
  const keys = (await database.authEvents
    .where('facets')
    .between(
      [caseId, 'token', tokenHash, Dexie.minKey, Dexie.minKey],
      [caseId, 'token', tokenHash, Dexie.maxKey, Dexie.maxKey],
    )
    .limit(MAX_TICKS_PER_TOKEN)
    .keys()) as unknown as FacetKey[];
  return keys.map((key) => key[3]).filter((ts) => ts !== UNTIMED_TS);
}
