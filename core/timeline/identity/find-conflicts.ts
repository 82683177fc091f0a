import type { IdentityConflict, SubjectIdentity } from './directory-types';

const COMPARED = ['username', 'email'] as const;

/**
 * The conflicts of a directory (see {@link IdentityConflict}). Display names are not compared: two people may share
 * one, and a display name is not an identifier. A subject id that is itself the name (a log that names a user only by
 * login) does not count as a second holder of that name.
 */
export function findConflicts(subjects: readonly SubjectIdentity[]): IdentityConflict[] {
  const conflicts: IdentityConflict[] = [];
  // name kind + lower-cased name → the subjects holding it, the spellings seen, and whether each holder has it verified.
  const holders = new Map<
    string,
    { nameKind: (typeof COMPARED)[number]; spellings: Set<string>; verifiedBy: Map<string, boolean> }
  >();
  for (const identity of subjects) {
    for (const nameKind of COMPARED) {
      const names = identity.names.filter((name) => name.kind === nameKind);
      const distinct = new Map<string, { value: string; verified: boolean }>();
      for (const name of names) {
        const folded = name.value.toLowerCase();
        const known = distinct.get(folded);
        distinct.set(folded, {
          value: known?.value ?? name.value,
          verified: (known?.verified ?? false) || name.verified,
        });
      }
      if (distinct.size > 1) {
        conflicts.push({
          kind: 'several-names',
          nameKind,
          subjects: [identity.subject],
          values: [...distinct.values()].map((name) => name.value).sort(),
          involvesClaims: [...distinct.values()].some((name) => !name.verified),
        });
      }
      for (const [folded, name] of distinct) {
        if (folded === identity.subject.toLowerCase()) continue;
        const key = `${nameKind}\u0000${folded}`;
        const holder = holders.get(key) ?? {
          nameKind,
          spellings: new Set<string>(),
          verifiedBy: new Map<string, boolean>(),
        };
        holder.spellings.add(name.value);
        holder.verifiedBy.set(identity.subject, name.verified);
        holders.set(key, holder);
      }
    }
  }
  for (const holder of holders.values()) {
    if (holder.verifiedBy.size < 2) continue;
    conflicts.push({
      kind: 'shared-name',
      nameKind: holder.nameKind,
      subjects: [...holder.verifiedBy.keys()].sort(),
      values: [...holder.spellings].sort(),
      involvesClaims: [...holder.verifiedBy.values()].some((verified) => !verified),
    });
  }
  return conflicts;
}
