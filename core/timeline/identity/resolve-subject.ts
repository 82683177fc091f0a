import type { IdentityDirectory } from './directory-types';

/** The subject ids a typed name stands for, and whether any of them is named so only by unverified token claims. */
export interface ResolvedSubject {
  /** Sorted subject ids; empty when the text is neither a known id nor a name the evidence gives anyone. */
  readonly subjects: readonly string[];
  /** True when one of the subjects carries the name only as a claim of an unverified or forged token. */
  readonly viaClaims: boolean;
}

/**
 * What an investigator typed into a subject filter: a subject id as it is, or a username, e-mail or display name
 * (compared without regard to case) mapped to every subject the evidence gives that name — several when an account
 * was renamed, shared, or borrowed by a forged token. One pass over the directory.
 */
export function resolveSubject(directory: IdentityDirectory | undefined, text: string): ResolvedSubject {
  const typed = text.trim();
  if (!directory || !typed) return { subjects: typed ? [typed] : [], viaClaims: false };
  if (directory.subjects.some((identity) => identity.subject === typed)) return { subjects: [typed], viaClaims: false };
  const wanted = typed.toLowerCase();
  const subjects: string[] = [];
  let viaClaims = false;
  for (const identity of directory.subjects) {
    const matches = identity.names.filter((name) => name.value.toLowerCase() === wanted);
    if (!matches.length) continue;
    subjects.push(identity.subject);
    if (!matches.some((name) => name.verified)) viaClaims = true;
  }
  // A typed value that names nobody is kept as an exact id: events may carry subjects no name was seen for.
  return subjects.length ? { subjects: subjects.sort(), viaClaims } : { subjects: [typed], viaClaims: false };
}
