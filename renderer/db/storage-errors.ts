// Storage failures said in words an investigator can act on. Dexie wraps IndexedDB's DOMExceptions, so
// both the error and its `inner` cause are looked at.

interface NamedError {
  readonly name?: string;
  readonly message?: string;
  readonly inner?: unknown;
}

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const named = current as NamedError;
    if (named.name) names.push(named.name);
    current = named.inner;
  }
  return names;
}

/** True when the browser refused the write for lack of space. */
export function isQuotaError(error: unknown): boolean {
  return namesOf(error).some((name) => name === 'QuotaExceededError' || name === 'QuotaExceeded');
}

/** A user-facing sentence for a failed store operation; `what` says what was being stored. */
export function describeStorageError(error: unknown, what: string): string {
  if (isQuotaError(error)) {
    return (
      `${what} failed: the browser ran out of storage space for Tokentrail. Nothing was stored. ` +
      'Free disk space or delete cases you no longer need, then try again.'
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    `${what} failed: the local database refused the write (${message}). Nothing was stored; try again, ` +
    'and if it keeps failing restart the app.'
  );
}
