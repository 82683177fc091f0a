// When the case's events show each token presented to a service: the use times the key-window and used-after-exp
// checks judge, and the API it first went to. One pass over the case's events in time order (keyset pages on
// [caseId+ts+seq]) serves every token: far cheaper than a range query per token when hundreds are analysed at
// once, and memory stays bounded by the uses kept per token.
import { Dexie } from 'dexie';
import { tokenPresentation } from '../../core/token';
import type { StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';

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
  let after: StoredEvent | undefined;
  for (;;) {
    const page: StoredEvent[] = await database.authEvents
      .where('[caseId+ts+seq]')
      .between(
        after ? [caseId, after.ts, after.seq] : [caseId, Dexie.minKey, Dexie.minKey],
        [caseId, Dexie.maxKey, Dexie.maxKey],
        after === undefined,
        true,
      )
      .limit(EVENT_PAGE)
      .toArray();
    for (const stored of page) addUses(uses, stored);
    if (page.length < EVENT_PAGE) return uses;
    after = page[page.length - 1];
  }
}

/** The latest event time of the case, or undefined when it has no timed event: the analysis's "now". */
export async function latestEventTime(database: TokentrailDatabase, caseId: string): Promise<number | undefined> {
  const last = await database.authEvents
    .where('[caseId+ts+seq]')
    .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
    .last();
  return last && last.event.ts !== null ? last.event.ts : undefined;
}
