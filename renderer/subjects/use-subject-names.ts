// Names beside subject ids in every view: one read of the case's identity directory, then bestName per id
// (`Alma Berg <alma@…> (f3b1…)`; a name only unverified tokens claim is marked as such, never shown as the person).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { bestName } from '../../core/timeline';
import { caseIdentities } from './queries';

/** A function naming a subject id as the case's evidence names it (the bare id before any analysis ran). */
export function useSubjectNames(caseId: string): (subject: string) => string {
  const directory = useLiveQuery(() => caseIdentities(caseId), [caseId]);
  return useCallback((subject: string) => bestName(directory, subject), [directory]);
}
