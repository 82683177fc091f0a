// The APIs' verification profiles as a report states them: per API and class of token flaw, what it was seen to
// accept and refuse, with counts and HTTP statuses (the requests themselves are in the case; the report names them
// by count, as the findings it carries name the accepted ones). docs/detectors.md, `bad-token-accepted`.
import { apiProfileSummary } from '../export/api-profile-record';
import { FLAW_LABELS, type ApiProfile, type ProfileAnswers } from '../timeline';
import type { ReportApiProfile } from './types';

const answers = (side: ProfileAnswers) => ({ count: side.count, statuses: side.statuses });

/** Every profile, in the analysis's order (configured APIs first, then by host and path). */
export function reportApiProfiles(profiles: readonly ApiProfile[] | undefined): ReportApiProfile[] {
  return (profiles ?? []).map((profile) => ({
    key: profile.key,
    name: profile.name,
    ...(profile.host !== undefined ? { host: profile.host } : {}),
    pathPrefix: profile.pathPrefix,
    configured: profile.configured,
    requests: profile.requests,
    accepted: profile.accepted,
    refused: profile.refused,
    summary: apiProfileSummary(profile),
    flaws: profile.flaws.map((row) => ({
      flaw: row.flaw,
      label: FLAW_LABELS[row.flaw],
      verdict: row.verdict,
      accepted: answers(row.accepted),
      refused: answers(row.refused),
    })),
  }));
}
