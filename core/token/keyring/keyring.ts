import type { KeyLifecycle } from '../../evidence/key-rotation';
import type { Keyring, KeyProblem, KeyringKey, LoadedKeys } from './key-types';

/**
 * Assembles a case's keyring from loaded key files and the issuer's key-rotation history: duplicates (the same key
 * with the same kid found twice) are merged, keeping the texts of both, and each key gets its lifecycle, matched by
 * kid, else by thumbprint.
 */

/** Build a keyring. Lifecycle entries that match no key are reported, since they usually mean a key is missing. */
export function createKeyring(files: readonly LoadedKeys[], lifecycles: readonly KeyLifecycle[] = []): Keyring {
  const keys: KeyringKey[] = [];
  const seen = new Map<string, number>();
  const problems: KeyProblem[] = files.flatMap((file) => file.problems);
  for (const key of files.flatMap((file) => file.keys)) {
    const identity = `${key.thumbprint}|${key.kid ?? ''}|${key.use ?? ''}|${key.alg ?? ''}|${key.keyOps?.join(',') ?? ''}`;
    const kept = seen.get(identity);
    if (kept !== undefined) {
      // The duplicate's texts stay: key-confusion must try the text of every file the key was found in.
      if (key.asWritten)
        keys[kept] = { ...keys[kept]!, asWritten: [...(keys[kept]!.asWritten ?? []), ...key.asWritten] };
      continue;
    }
    seen.set(identity, keys.length);
    const lifecycle =
      lifecycles.find((entry) => key.kid !== undefined && entry.kid === key.kid) ??
      lifecycles.find((entry) => entry.thumbprint === key.thumbprint);
    keys.push(lifecycle ? { ...key, lifecycle } : key);
  }
  for (const entry of lifecycles) {
    if (!keys.some((key) => key.lifecycle === entry)) {
      problems.push({
        code: 'key-lifecycle-unmatched',
        file: 'key-rotation',
        message: `key-rotation: key "${entry.kid}" is in the rotation history but no key file holds it; tokens it signed will show as no-key.`,
      });
    }
  }
  const certificates = files.flatMap((file) => file.certificates);
  return { keys, certificates, problems };
}

/** A short human name for a key: its kid and the start of its thumbprint. */
export function describeKey(key: KeyringKey): string {
  return `${key.kid !== undefined ? `kid "${key.kid}"` : 'key without kid'} (${key.kty}, thumbprint ${key.thumbprint.slice(0, 12)}…, from ${key.source.file})`;
}
