// The People tab's search: a subject matches when its id or any name the evidence gives it contains the text.
import { subjectIdentity, type IdentityDirectory } from '../../core/timeline';

/** True when `query` (already trimmed) is empty or is part of the subject's id or of one of its names, any case. */
export function matchesPeopleSearch(directory: IdentityDirectory, subject: string, query: string): boolean {
  if (!query) return true;
  const wanted = query.toLowerCase();
  if (subject.toLowerCase().includes(wanted)) return true;
  return (subjectIdentity(directory, subject)?.names ?? []).some((name) => name.value.toLowerCase().includes(wanted));
}
