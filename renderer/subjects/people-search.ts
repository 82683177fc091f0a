// The People tab's search: a subject matches when its id or any name the evidence gives it contains the text.
import { subjectIdentity, type IdentityDirectory } from '../../core/timeline';

/** True when `query` (already trimmed) is empty or is part of the subject's id or of one of its names, any case. */
export function matchesPeopleSearch(directory: IdentityDirectory, subject: string, query: string): boolean {
  if (!query) return true;
  const wanted = query.toLowerCase();
  if (subject.toLowerCase().includes(wanted)) return true;
  return (subjectIdentity(directory, subject)?.names ?? []).some((name) => name.value.toLowerCase().includes(wanted));
}

/**
 * The subject ids the People tab lists: those the identity directory names and those the events carry without a
 * name, each once, in id order (the directory's order), so an unnamed account is listed too.
 */
export function peopleIds(directory: IdentityDirectory, loggedSubjects: readonly string[]): string[] {
  const ids = new Set(directory.subjects.map((identity) => identity.subject));
  for (const subject of loggedSubjects) ids.add(subject);
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
