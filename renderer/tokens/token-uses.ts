// When the case's events show each token presented to a service: the use times the key-window and used-after-exp
// checks judge, and the API it first went to. One pass over the case's events in time order (caseEventsByTime) serves
// every token: far cheaper than a range query per token when hundreds are analysed at once, and memory stays bounded
// by the uses kept per token.
import { tokenPresentation } from '../../core/token';
import type { StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import { caseEventsByTime, latestEvent } from '../db/event-store';

/** Uses kept per token: a token replayed millions of times is judged on its first ones. */
export const MAX_USES_PER_TOKEN = 10_000;
const EVENT_PAGE = 2_000;

export interface TokenUses {
  readonly useTimes: readonly number[];
  readonly presentedTo?: string;
}

export const NO_USES: TokenUses = { useTimes: [] };

function addUses(uses: Map<string, { useTimes: number[]; presentedTo?: string }>, stored: StoredEvent): void {
  for (const token of stored.event.tokens) {
    const use = tokenPresentation(stored.event, token);
    if (!use) continue;
    let item = uses.get(token.hash);
    if (!item) {
      item = { useTimes: [] };
      uses.set(token.hash, item);
    }
    if (item.useTimes.length < MAX_USES_PER_TOKEN) item.useTimes.push(use.time);
    item.presentedTo ??= use.presentedTo; // events come in time order: the first API it was presented to
  }
}

/** Every token's presentations in the case's events, earliest first, by tokenHash. */
export async function caseTokenUses(database: TokentrailDatabase, caseId: string): Promise<Map<string, TokenUses>> {
  const uses = new Map<string, { useTimes: number[]; presentedTo?: string }>();
  for await (const page of caseEventsByTime(database, caseId, EVENT_PAGE))
    for (const stored of page) addUses(uses, stored);
  return uses;
}

/** The latest event time of the case, or undefined when it has no timed event: the analysis's "now". */
export async function latestEventTime(database: TokentrailDatabase, caseId: string): Promise<number | undefined> {
  const last = await latestEvent(database, caseId);
  return last && last.event.ts !== null ? last.event.ts : undefined;
}
