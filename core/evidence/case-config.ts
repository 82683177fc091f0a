import type { EvidenceProblem } from './types';
import { lineOfText } from './json-location';

/** What the investigator's organisation expects of its tokens (docs/bundle-format.md, "case-config"). */
export interface CaseConfig {
  readonly expectedIssuers: readonly string[];
  readonly apis: readonly { readonly name: string; readonly baseUrl: string; readonly audiences: readonly string[] }[];
  readonly allowedAlgorithms: readonly string[];
  readonly maxTokenLifetimeSeconds?: number;
  readonly minimumAppVersion?: string;
  /** Where the issuer publishes its keys; a jku/x5u elsewhere is suspicious. Never fetched. */
  readonly jwksUri?: string;
  /** Record fields holding a token's SHA-256 (or a prefix of it), in addition to the common names. */
  readonly tokenHashFields?: readonly string[];
  /** Record fields holding a token's jti, in addition to the common names. */
  readonly tokenIdFields?: readonly string[];
  /** Which digests a hash field may hold: the whole token's and/or its signature segment's (default both). */
  readonly tokenHashForms?: readonly ('token' | 'signature')[];
  /** The case's verifiers refuse high-S ECDSA signatures (s > n/2), as some libraries do: reported by ecdsa-high-s. */
  readonly requireLowS?: boolean;
}

const HASH_FORMS = ['token', 'signature'];

const JWS_ALGORITHMS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Check a parsed case-config.json; problems point at the line of the offending field. */
export function parseCaseConfig(
  value: unknown,
  text: string,
  file: string,
): { config?: CaseConfig; problems: EvidenceProblem[] } {
  const problems: EvidenceProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({
      code: 'case-config-invalid',
      file,
      line: lineOfText(text, `"${field}"`),
      message: `${file}: ${message}`,
    });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problems: [
        { code: 'case-config-invalid', file, line: 1, message: `${file}: a case configuration must be a JSON object.` },
      ],
    };
  }
  const raw = value as Record<string, unknown>;
  if (raw.format !== 'tokentrail-case-config' || raw.formatVersion !== 1)
    problem('format', '"format" must be "tokentrail-case-config" and "formatVersion" 1.');
  const expectedIssuers = raw.expectedIssuers ?? [];
  if (!isStringArray(expectedIssuers))
    problem('expectedIssuers', '"expectedIssuers" must be an array of issuer strings.');
  const allowedAlgorithms = raw.allowedAlgorithms ?? [];
  if (!isStringArray(allowedAlgorithms))
    problem('allowedAlgorithms', '"allowedAlgorithms" must be an array of JWS algorithm names.');
  else
    for (const alg of allowedAlgorithms)
      if (!JWS_ALGORITHMS.includes(alg))
        problem('allowedAlgorithms', `"${alg}" is not a JWS algorithm (expected one of ${JWS_ALGORITHMS.join(', ')}).`);
  const apis = raw.apis ?? [];
  const apiValid =
    Array.isArray(apis) &&
    apis.every(
      (api) =>
        typeof api === 'object' &&
        api !== null &&
        typeof api.name === 'string' &&
        typeof api.baseUrl === 'string' &&
        isStringArray(api.audiences),
    );
  if (!apiValid) problem('apis', '"apis" must be an array of { "name", "baseUrl", "audiences": [...] }.');
  const lifetime = raw.maxTokenLifetimeSeconds;
  if (lifetime !== undefined && (typeof lifetime !== 'number' || !(lifetime > 0)))
    problem('maxTokenLifetimeSeconds', '"maxTokenLifetimeSeconds" must be a positive number of seconds.');
  const minimumAppVersion = raw.minimumAppVersion;
  if (minimumAppVersion !== undefined && typeof minimumAppVersion !== 'string')
    problem('minimumAppVersion', '"minimumAppVersion" must be a version string such as "4.2.0".');
  if (raw.jwksUri !== undefined && typeof raw.jwksUri !== 'string')
    problem('jwksUri', '"jwksUri" must be a URL string.');
  for (const field of ['tokenHashFields', 'tokenIdFields'] as const)
    if (raw[field] !== undefined && !isStringArray(raw[field]))
      problem(field, `"${field}" must be an array of record field names.`);
  const forms = raw.tokenHashForms;
  if (forms !== undefined && !(isStringArray(forms) && forms.every((form) => HASH_FORMS.includes(form))))
    problem('tokenHashForms', '"tokenHashForms" must be an array of "token" and/or "signature".');
  if (raw.requireLowS !== undefined && typeof raw.requireLowS !== 'boolean')
    problem('requireLowS', '"requireLowS" must be true or false.');
  if (problems.length > 0) return { problems };
  return {
    problems,
    config: {
      expectedIssuers: expectedIssuers as string[],
      apis: apis as CaseConfig['apis'],
      allowedAlgorithms: allowedAlgorithms as string[],
      maxTokenLifetimeSeconds: lifetime as number | undefined,
      minimumAppVersion: minimumAppVersion as string | undefined,
      jwksUri: raw.jwksUri as string | undefined,
      ...(raw.tokenHashFields !== undefined ? { tokenHashFields: raw.tokenHashFields as string[] } : {}),
      ...(raw.tokenIdFields !== undefined ? { tokenIdFields: raw.tokenIdFields as string[] } : {}),
      ...(forms !== undefined ? { tokenHashForms: forms as ('token' | 'signature')[] } : {}),
      ...(raw.requireLowS !== undefined ? { requireLowS: raw.requireLowS as boolean } : {}),
    },
  };
}
