import type { PersonNames } from '../types';

/** The three names as a record without empty members, or undefined when there is none (records and claims alike). */
export function personNames(
  username: string | undefined,
  email: string | undefined,
  displayName: string | undefined,
): PersonNames | undefined {
  if (username === undefined && email === undefined && displayName === undefined) return undefined;
  return {
    ...(username !== undefined ? { username } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(displayName !== undefined ? { displayName } : {}),
  };
}
