import type { Timeline } from '../correlate';
import { refOf } from '../entry';
import type { CommonParameters, EventRef } from '../types';
import { FLAW_CLASSES, flawJudged, type FlawClass } from './flaws';
import { tokenRequestSummary, type TokenRequest } from './token-requests';

/** At most this many requests are linked per answer and flaw class; the counts are always complete. */
export const PROFILE_REFS_PER_CELL = 20;

/** The requests of one answer (accepted or refused) to tokens with one flaw. */
export interface ProfileAnswers {
  readonly count: number;
  /** Distinct HTTP statuses seen, ascending. */
  readonly statuses: readonly number[];
  /** The first {@link PROFILE_REFS_PER_CELL} requests, in time order. */
  readonly events: readonly EventRef[];
}

/** What one API was seen to do with tokens of one flaw class. */
export interface ProfileFlaw {
  readonly flaw: FlawClass;
  readonly accepted: ProfileAnswers;
  readonly refused: ProfileAnswers;
  /** `accepts` when any such token was accepted, `refuses` when all were refused, `never-tested` when none was sent, `not-judged` when the case lacks what judging needs (audiences, expected issuers). */
  readonly verdict: 'accepts' | 'refuses' | 'never-tested' | 'not-judged';
}

/** The verification profile of one API: what it accepted and refused, per class of flaw (docs/app.md, "APIs"). */
export interface ApiProfile {
  /** Stable: `api:` + configured name, or `host:` + host and path prefix. */
  readonly key: string;
  readonly name: string;
  readonly host?: string;
  readonly pathPrefix: string;
  /** True when the API is one of the case configuration's `apis`. */
  readonly configured: boolean;
  /** Answered requests carrying a token, and how many of them were accepted / refused (flawed or not). */
  readonly requests: number;
  readonly accepted: number;
  readonly refused: number;
  /** Distinct tokens presented. */
  readonly tokens: number;
  /** One entry per flaw class, in FLAW_CLASSES order. */
  readonly flaws: readonly ProfileFlaw[];
}

interface Cell {
  count: number;
  statuses: Set<number>;
  events: EventRef[];
}

const emptyCell = (): Cell => ({ count: 0, statuses: new Set(), events: [] });

function addTo(cell: Cell, request: TokenRequest): void {
  cell.count++;
  cell.statuses.add(request.status);
  if (cell.events.length < PROFILE_REFS_PER_CELL) cell.events.push(refOf(request.entry));
}

const answersOf = (cell: Cell): ProfileAnswers => ({
  count: cell.count,
  statuses: [...cell.statuses].sort((a, b) => a - b),
  events: cell.events,
});

/**
 * The verification profile of every API the evidence shows answering token-carrying requests: grouped by the case's
 * configured APIs, else by host and path prefix; most-requested first. Linear in the requests.
 */
export function buildApiProfiles(timeline: Timeline, common: CommonParameters): ApiProfile[] {
  const { apis, flawed } = tokenRequestSummary(timeline, common);
  const cellsOf = new Map<string, Map<string, Cell>>();
  for (const request of flawed) {
    let cells = cellsOf.get(request.api.key);
    if (!cells) cellsOf.set(request.api.key, (cells = new Map()));
    for (const flaw of request.flaws) {
      const key = `${flaw}|${request.answer}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = emptyCell()));
      addTo(cell, request);
    }
  }
  const profiles: ApiProfile[] = [];
  for (const [key, profile] of apis) {
    const api = profile.api;
    const cells = cellsOf.get(key) ?? new Map<string, Cell>();
    profiles.push({
      key: api.key,
      name: api.name,
      ...(api.host !== undefined ? { host: api.host } : {}),
      pathPrefix: api.pathPrefix,
      configured: api.configured !== undefined,
      requests: profile.requests,
      accepted: profile.accepted,
      refused: profile.refused,
      tokens: profile.tokens.size,
      flaws: FLAW_CLASSES.map((flaw): ProfileFlaw => {
        const accepted = cells.get(`${flaw}|accepted`) ?? emptyCell();
        const refused = cells.get(`${flaw}|refused`) ?? emptyCell();
        return {
          flaw,
          accepted: answersOf(accepted),
          refused: answersOf(refused),
          verdict:
            accepted.count > 0
              ? 'accepts'
              : refused.count > 0
                ? 'refuses'
                : flawJudged(flaw, api.configured, timeline.caseConfig)
                  ? 'never-tested'
                  : 'not-judged',
        };
      }),
    });
  }
  return profiles.sort((a, b) => b.requests - a.requests || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
