import type { KeyringKey } from './key-types';

/**
 * Whether a key was inside its validity window at a given time, from the issuer's key-rotation history (created,
 * activated, retired, revoked, compromised) and, for certificate keys, notBefore/notAfter.
 */

/** A key's state at one moment. */
export type KeyWindowStatus =
  'active' | 'not-yet-active' | 'retired' | 'revoked' | 'certificate-not-yet-valid' | 'certificate-expired' | 'unknown';

/** The state of a key at one moment, and whether the issuer ever marked it compromised. */
export interface KeyWindowAt {
  readonly time: number;
  readonly status: KeyWindowStatus;
  readonly compromised: boolean;
}

/** The state of `key` at `time` (UTC epoch ms). `unknown` when nothing records the key's life. */
export function keyStatusAt(key: KeyringKey, time: number): KeyWindowAt {
  const life = key.lifecycle;
  const compromised = life?.compromised ?? false;
  const certificate = key.certificate;
  let status: KeyWindowStatus = life || certificate ? 'active' : 'unknown';
  if (certificate && time < certificate.notBefore) status = 'certificate-not-yet-valid';
  else if (certificate && time > certificate.notAfter) status = 'certificate-expired';
  if (life) {
    const start = life.activated ?? life.created;
    if (life.revoked !== undefined && time >= life.revoked) status = 'revoked';
    else if (life.retired !== undefined && time >= life.retired) status = 'retired';
    else if (start !== undefined && time < start) status = 'not-yet-active';
  }
  return { time, status, compromised };
}

/** True when the status means the key should not have signed (or been trusted for) anything at that time. */
export function isOutsideWindow(window: KeyWindowAt): boolean {
  return window.status !== 'active' && window.status !== 'unknown';
}
