// An API's verification profile as one machine-readable record: what `tokentrail analyze --json` prints after the
// findings, one line per API (docs/cli.md). `record: "api-profile"` tells it from a finding line, which has no
// `record` member.
import { FLAW_LABELS, type ApiProfile, type ProfileAnswers } from '../timeline';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const answersRecord = (answers: ProfileAnswers) => ({
  count: answers.count,
  statuses: answers.statuses,
  events: answers.events.map((event) => ({
    source: event.source,
    ts: event.ts,
    time: iso(event.ts),
    kind: event.kind,
  })),
});

/**
 * One API's profile as plain data, each side of each flaw row written by `side` (the requests in full for
 * `analyze --json`, counts and statuses only in a report).
 */
export function apiProfileFields<Side>(profile: ApiProfile, side: (answers: ProfileAnswers) => Side) {
  return {
    key: profile.key,
    name: profile.name,
    ...(profile.host !== undefined ? { host: profile.host } : {}),
    pathPrefix: profile.pathPrefix,
    configured: profile.configured,
    requests: profile.requests,
    accepted: profile.accepted,
    refused: profile.refused,
    tokens: profile.tokens,
    flaws: profile.flaws.map((row) => ({
      flaw: row.flaw,
      label: FLAW_LABELS[row.flaw],
      verdict: row.verdict,
      accepted: side(row.accepted),
      refused: side(row.refused),
    })),
  };
}

/** The record of one API's profile: its identity, its totals, and per flaw class the verdict, counts and requests. */
export function apiProfileRecord(profile: ApiProfile): Record<string, unknown> {
  return { record: 'api-profile', ...apiProfileFields(profile, answersRecord) };
}

/** One line for a person: `accepts unsigned tokens (3 × 200); refuses expired tokens (12 × 401); never tested: …`. */
export function apiProfileSummary(profile: ApiProfile): string {
  const parts: string[] = [];
  const untested: string[] = [];
  for (const row of profile.flaws) {
    const label = FLAW_LABELS[row.flaw];
    if (row.verdict === 'accepts')
      parts.push(
        `ACCEPTS ${label} (${row.accepted.count} × ${row.accepted.statuses.join('/')}${row.refused.count > 0 ? `, refused ${row.refused.count}` : ''})`,
      );
    else if (row.verdict === 'refuses')
      parts.push(`refuses ${label} (${row.refused.count} × ${row.refused.statuses.join('/')})`);
    else if (row.verdict === 'never-tested') untested.push(row.flaw);
  }
  if (untested.length > 0) parts.push(`never tested: ${untested.join(', ')}`);
  return parts.join('; ');
}
