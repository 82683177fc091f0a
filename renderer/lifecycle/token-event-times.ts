// When a token appears in the case's events, read without reading the events (facetEventTimes): the lifecycle
// diagram needs the times of the uses, not the records.
import { UNTIMED_TS } from '../db/event-records';
import { facetEventTimes } from '../db/event-store';
import type { TokentrailDatabase } from '../db/schema';

/** A diagram lane cannot show more ticks than it has pixels; the rest are counted in the lifecycle summary. */
export const MAX_TICKS_PER_TOKEN = 2_000;

/** The times (UTC epoch ms) of the token's timed events, earliest first. */
export async function tokenEventTimes(
  database: TokentrailDatabase,
  caseId: string,
  tokenHash: string,
): Promise<number[]> {
  const uses = await facetEventTimes(database, caseId, 'token', tokenHash, MAX_TICKS_PER_TOKEN);
  return uses.map((use) => use.ts).filter((ts) => ts !== UNTIMED_TS);
}
