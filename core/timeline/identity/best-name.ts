import type { IdentityDirectory, NameKind, NameSighting, SubjectIdentity } from './directory-types';

const indexes = new WeakMap<IdentityDirectory, Map<string, SubjectIdentity>>();

/** The directory's entry for one subject id, or undefined when the evidence gives it no name. */
export function subjectIdentity(directory: IdentityDirectory, subject: string): SubjectIdentity | undefined {
  let index = indexes.get(directory);
  if (!index) {
    index = new Map(directory.subjects.map((identity) => [identity.subject, identity]));
    indexes.set(directory, index);
  }
  return index.get(subject);
}

/** The most seen name of one kind among the given sightings (ties: the earlier sighting, as sorted by the directory). */
function mostSeen(names: readonly NameSighting[], kind: NameKind): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) if (name.kind === kind) counts.set(name.value, (counts.get(name.value) ?? 0) + name.count);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** `Alma Berg <alma@example.com>`, `Alma Berg (alma)`, `alma`… from the best name of each kind; undefined if none. */
function formatNames(names: readonly NameSighting[]): string | undefined {
  const displayName = mostSeen(names, 'displayName');
  const email = mostSeen(names, 'email');
  const username = mostSeen(names, 'username');
  const address = email ?? username;
  if (displayName === undefined) return address;
  return address === undefined ? displayName : `${displayName} <${address}>`;
}

/**
 * How to name a subject in a message: `Alma Berg <alma@example.com> (f3b1…)` from the names the logs and verified
 * tokens give it; when only unverified token claims name it, `f3b1… (unverified token claims: Alma Berg <alma@…>)` —
 * a claim is never presented as who the person is; the bare id when the evidence names it nowhere. The id is written
 * in full (the finding's `subject` field keeps it too); it is left out only when it is the name shown.
 */
export function bestName(directory: IdentityDirectory | undefined, subject: string): string {
  const identity = directory ? subjectIdentity(directory, subject) : undefined;
  if (!identity) return subject;
  const verified = identity.names.filter((name) => name.verified);
  const established = formatNames(verified);
  if (established !== undefined) {
    const address = mostSeen(verified, 'email') ?? mostSeen(verified, 'username');
    if (address !== undefined && address.toLowerCase() === subject.toLowerCase()) return established;
    return `${established} (${subject})`;
  }
  const claimed = formatNames(identity.names);
  return claimed === undefined ? subject : `${subject} (unverified token claims: ${claimed})`;
}
