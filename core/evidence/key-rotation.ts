import type { EvidenceProblem } from './types';
import { lineOfText } from './json-location';

/** One key's life as the issuer recorded it (docs/bundle-format.md, "key-rotation"). Times are UTC epoch ms. */
export interface KeyLifecycle {
  readonly kid: string;
  /** RFC 7638 thumbprint, when the history names keys that way too. */
  readonly thumbprint?: string;
  readonly created?: number;
  readonly activated?: number;
  readonly retired?: number;
  readonly revoked?: number;
  readonly compromised: boolean;
  readonly note?: string;
}

const TIME_FIELDS = ['created', 'activated', 'retired', 'revoked'] as const;

/** Check a parsed key-rotation.json and turn its ISO times into epoch milliseconds. */
export function parseKeyRotation(
  value: unknown,
  text: string,
  file: string,
): { keys?: KeyLifecycle[]; problems: EvidenceProblem[] } {
  const problems: EvidenceProblem[] = [];
  const problem = (needle: string, message: string): void => {
    problems.push({
      code: 'key-rotation-invalid',
      file,
      line: lineOfText(text, needle),
      message: `${file}: ${message}`,
    });
  };
  const raw = value as { format?: unknown; formatVersion?: unknown; keys?: unknown } | null;
  if (typeof raw !== 'object' || raw === null || raw.format !== 'tokentrail-key-rotation' || raw.formatVersion !== 1) {
    problem(
      '"format"',
      'a key-rotation history must be an object with "format": "tokentrail-key-rotation" and "formatVersion": 1.',
    );
    return { problems };
  }
  if (!Array.isArray(raw.keys)) {
    problem('"keys"', '"keys" must be an array with one entry per key.');
    return { problems };
  }
  const keys: KeyLifecycle[] = [];
  raw.keys.forEach((entry: Record<string, unknown>, index: number) => {
    if (typeof entry !== 'object' || entry === null || typeof entry.kid !== 'string' || entry.kid === '') {
      problem('"keys"', `keys[${index}] needs a non-empty "kid".`);
      return;
    }
    const kid = entry.kid;
    const times: Partial<Record<(typeof TIME_FIELDS)[number], number>> = {};
    for (const field of TIME_FIELDS) {
      const time = entry[field];
      if (time === undefined || time === null) continue;
      const ms = typeof time === 'string' && /(Z|[+-]\d\d:\d\d)$/.test(time) ? Date.parse(time) : Number.NaN;
      if (Number.isNaN(ms))
        problem(
          `"${kid}"`,
          `key "${kid}": ${field} ${JSON.stringify(time)} must be ISO 8601 with an offset, e.g. 2026-03-01T00:00:00Z.`,
        );
      else times[field] = ms;
    }
    if (times.activated !== undefined && times.retired !== undefined && times.retired < times.activated) {
      problem(`"${kid}"`, `key "${kid}" is retired before it was activated.`);
    }
    keys.push({
      kid,
      thumbprint: typeof entry.thumbprint === 'string' ? entry.thumbprint : undefined,
      ...times,
      compromised: entry.compromised === true,
      note: typeof entry.note === 'string' ? entry.note : undefined,
    });
  });
  return { keys, problems };
}
