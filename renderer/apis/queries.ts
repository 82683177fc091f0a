// The verification profiles of a case's APIs, as the last case analysis stored them. Views call this, never `db`.
import type { ApiProfile } from '../../core/timeline';
import { db } from '../db/schema';

/** The API profiles of the case's last analysis; undefined before one ran (or for a run stored before profiles). */
export async function caseApiProfiles(caseId: string): Promise<readonly ApiProfile[] | undefined> {
  return (await db.caseAnalyses.get(caseId))?.apiProfiles;
}
