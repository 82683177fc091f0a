// The APIs' verification profiles as a report states them: per API and class of token flaw, what it was seen to
// accept and refuse, with counts and HTTP statuses (the requests themselves are in the case; the report names them
// by count, as the findings it carries name the accepted ones). docs/detectors.md, `bad-token-accepted`.
import { apiProfileFields, apiProfileSummary } from '../export/api-profile-record';
import type { ApiProfile, ProfileAnswers } from '../timeline';
import type { ReportApiProfile } from './types';

const counts = (side: ProfileAnswers) => ({ count: side.count, statuses: side.statuses });

/** Every profile, in the analysis's order (configured APIs first, then by host and path). */
export function reportApiProfiles(profiles: readonly ApiProfile[] | undefined): ReportApiProfile[] {
  return (profiles ?? []).map((profile) => ({
    ...apiProfileFields(profile, counts),
    summary: apiProfileSummary(profile),
  }));
}
