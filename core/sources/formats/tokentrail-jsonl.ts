import { compact, withTime, firstText, numberAt, objectAt, readTime, stringDetails, textAt } from '../fields';
import type { DraftToken, EventDraft, SourceFormat } from '../format';
import type { AuthEventKind } from '../types';
import { tokenReferenceNames } from '../token-reference-fields';

/** The kinds of the canonical format (docs/sources.md). */
export const CANONICAL_KINDS: readonly AuthEventKind[] = [
  'issue',
  'refresh',
  'revoke',
  'use',
  'login',
  'logout',
  'failure',
  'key-rotation',
];

const TOKEN_FIELDS: readonly [string, DraftToken['role']][] = [
  ['token', 'field'],
  ['accessToken', 'access_token'],
  ['refreshToken', 'refresh_token'],
  ['idToken', 'id_token'],
];

/**
 * The record's own digest and jti members at the top level, beside its `details` (which win): a converter that put
 * `token_sha256` next to `ts` rather than inside `details` still gets the record linked to its token. The canonical
 * `jti` member is the event's own jti, not a detail.
 */
function withReferenceFields(
  details: Record<string, string> | undefined,
  value: Record<string, unknown>,
  referenceNames: readonly string[],
): Record<string, string> | undefined {
  let out = details;
  for (const name of referenceNames) {
    if (name === 'jti' || details?.[name] !== undefined) continue;
    const text = textAt(value[name]);
    if (text !== undefined) out = { ...out, [name]: text };
  }
  return out;
}

/** Tokentrail JSON Lines: one auth event per line, the shape documented in docs/sources.md. */
export const tokentrailJsonl: SourceFormat = {
  name: 'tokentrail-jsonl',
  title: 'Tokentrail auth events (JSON Lines)',
  framing: 'json',
  detect(sample) {
    const kinds = CANONICAL_KINDS.join('|');
    if (new RegExp(`"kind"\\s*:\\s*"(${kinds})"`).test(sample) && /"ts"\s*:/.test(sample)) return 0.9;
    return 0;
  },
  createParser: (options) => {
    const referenceNames = tokenReferenceNames(options.tokenReferenceFields);
    return {
      parse(record) {
        const value = objectAt(record.value);
        if (!value) return { rejected: 'not-a-record', message: 'expected a JSON object (one auth event per line)' };
        const kindText = textAt(value.kind);
        const known = CANONICAL_KINDS.includes(kindText as AuthEventKind);
        const tokens: DraftToken[] = [];
        for (const [field, role] of TOKEN_FIELDS) {
          const token = textAt(value[field]);
          if (token) tokens.push({ compact: token, role, field });
        }
        const status = numberAt(value, 'status');
        const time = readTime(value.ts, 'ts');
        const outcome = textAt(value.outcome);
        const problems = [
          ...(time.problems ?? []),
          ...(known
            ? []
            : [
                {
                  code: 'unknown-kind' as const,
                  message: kindText
                    ? `kind "${kindText}" is not one of ${CANONICAL_KINDS.join(', ')}; kept as "other"`
                    : 'the record has no kind; kept as "other"',
                },
              ]),
        ];
        const draft: EventDraft = withTime(
          { ts: time.ts, time: time.time, ...(problems.length > 0 ? { problems } : {}) },
          {
            kind: known ? (kindText as AuthEventKind) : 'other',
            action: kindText,
            outcome:
              outcome === 'success' || outcome === 'failure' ? outcome : kindText === 'failure' ? 'failure' : undefined,
            reason: textAt(value.reason),
            subject: firstText(value, 'sub', 'subject'),
            clientId: textAt(value.clientId),
            appVersion: textAt(value.appVersion),
            sessionId: textAt(value.sessionId),
            jti: textAt(value.jti),
            tokens,
            ip: textAt(value.ip),
            userAgent: textAt(value.userAgent),
            geo:
              textAt(value.country) || textAt(value.city)
                ? compact({ source: 'log' as const, country: textAt(value.country), city: textAt(value.city) })
                : undefined,
            http:
              textAt(value.method) || textAt(value.path) || status !== undefined
                ? compact({ method: textAt(value.method), path: textAt(value.path), status })
                : undefined,
            details: withReferenceFields(stringDetails(value.details), value, referenceNames),
          },
        );
        return [draft];
      },
    };
  },
};
