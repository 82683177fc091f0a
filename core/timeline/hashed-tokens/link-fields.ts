import type { CaseConfig } from '../../evidence/case-config';
import { TOKEN_HASH_FIELDS, TOKEN_ID_FIELDS } from '../../sources/token-reference-fields';
import type { HashedTokenForm } from './link-types';

/** Which fields are read and which digests are tried, for one case. */
export interface HashLinkSettings {
  readonly hashFields: readonly string[];
  readonly idFields: readonly string[];
  readonly forms: ReadonlySet<HashedTokenForm>;
}

/** The case's settings: its configured field names in addition to the common ones, and its forms (default both). */
export function hashLinkSettings(caseConfig: CaseConfig | undefined): HashLinkSettings {
  const hashFields = [...new Set([...TOKEN_HASH_FIELDS, ...(caseConfig?.tokenHashFields ?? [])])];
  const idFields = [...new Set([...TOKEN_ID_FIELDS, ...(caseConfig?.tokenIdFields ?? [])])];
  return { hashFields, idFields, forms: new Set(caseConfig?.tokenHashForms ?? ['token', 'signature']) };
}

/**
 * The case's own digest and jti field names, for the parsers (FormatOptions.tokenReferenceFields): they keep the
 * common names already, and these too, so the fields hashLinkSettings reads reach correlation.
 */
export function caseTokenReferenceFields(caseConfig: CaseConfig | undefined): readonly string[] {
  return [...(caseConfig?.tokenHashFields ?? []), ...(caseConfig?.tokenIdFields ?? [])];
}
