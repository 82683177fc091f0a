import type { DecodeProblem } from './decode-problems';

/**
 * Type checks on registered claims (RFC 7519 §4.1). NumericDate claims must be JSON numbers of seconds; values that
 * are strings, negative, beyond 2^53 or that look like milliseconds are reported because verifiers disagree on them
 * (one library treats "exp":"1700000000" as absent, another coerces it; a millisecond exp never expires).
 */

/** Seconds since 1970 beyond which a NumericDate is almost certainly milliseconds (year 5138). */
export const MILLISECONDS_THRESHOLD = 100_000_000_000;
const NUMERIC_DATES = ['exp', 'nbf', 'iat', 'auth_time'] as const;
const STRINGS = ['iss', 'sub', 'jti'] as const;

/** Problems with the types of registered claims in a claim set. */
export function checkClaimTypes(claims: Record<string, unknown>): DecodeProblem[] {
  const problems: DecodeProblem[] = [];
  const report = (field: string, message: string): void =>
    void problems.push({ code: 'claim-type', part: 'payload', field, message });
  for (const field of NUMERIC_DATES) {
    if (!(field in claims)) continue;
    const value = claims[field];
    if (typeof value !== 'number') {
      report(
        field,
        `"${field}" is ${describe(value)}, not a NumericDate (a JSON number of seconds); libraries disagree on how to read it.`,
      );
    } else if (!Number.isFinite(value) || Math.abs(value) > 2 ** 53) {
      report(
        field,
        `"${field}" is ${value}, beyond 2^53: it cannot be represented exactly and overflows some verifiers.`,
      );
    } else if (value < 0) {
      report(field, `"${field}" is negative (${value}), a time before 1970.`);
    } else if (value > MILLISECONDS_THRESHOLD) {
      report(
        field,
        `"${field}" is ${value}: that looks like milliseconds, not seconds (it would mean the year ${Math.round(1970 + value / 31_557_600)}).`,
      );
    }
  }
  for (const field of STRINGS) {
    if (field in claims && typeof claims[field] !== 'string')
      report(field, `"${field}" is ${describe(claims[field])}; RFC 7519 requires a string.`);
  }
  if ('aud' in claims) {
    const aud = claims.aud;
    const ok = typeof aud === 'string' || (Array.isArray(aud) && aud.every((item) => typeof item === 'string'));
    if (!ok) report('aud', `"aud" is ${describe(aud)}; RFC 7519 requires a string or an array of strings.`);
  }
  return problems;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a ${typeof value}`;
}

/** A NumericDate claim as UTC epoch milliseconds, or undefined when absent or not a usable number. */
export function numericDateMs(claims: Record<string, unknown> | null | undefined, field: string): number | undefined {
  const value = claims?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}
