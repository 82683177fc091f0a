import {
  Asn1Error,
  TAG,
  children,
  expect,
  oidToString,
  readBoolean,
  readNonNegativeInteger,
  readOnly,
  setBitPositions,
  type Asn1Element,
} from './asn1';

/**
 * The two X.509 v3 extensions that say what a certificate's key may do, which is all chain checks need: whether it
 * may certify other keys (basicConstraints, keyUsage keyCertSign) and whether it may sign data such as a token
 * (keyUsage digitalSignature). Other extensions are left unread.
 */

/** basicConstraints (RFC 5280 §4.2.1.9). */
export interface BasicConstraints {
  /** True when the subject is a CA. DER omits the DEFAULT FALSE value, so absent reads as false. */
  readonly cA: boolean;
  /** How many non-self-issued intermediate certificates may follow this one in a path; absent means no limit. */
  readonly pathLenConstraint?: number;
}

/** The keyUsage bits of RFC 5280 §4.2.1.3, by their position in the BIT STRING. */
export const KEY_USAGE_NAMES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** One keyUsage bit name. */
export type KeyUsageName = (typeof KEY_USAGE_NAMES)[number];

/** What Tokentrail reads of a certificate's extensions. A member is absent when the extension is. */
export interface CertificateExtensions {
  readonly basicConstraints?: BasicConstraints;
  /** The keyUsage bits asserted, by name (bits beyond decipherOnly are ignored). */
  readonly keyUsage?: readonly KeyUsageName[];
}

const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';
/** The explicit [3] tag that wraps the extensions of a v3 tbsCertificate. */
const EXTENSIONS_TAG = 0xa3;

function readBasicConstraints(value: Uint8Array): BasicConstraints {
  const fields = children(readOnly(value, TAG.SEQUENCE));
  let at = 0;
  const cA = fields[at]?.tag === TAG.BOOLEAN ? readBoolean(fields[at++]!) : false;
  const pathLenConstraint = fields[at]?.tag === TAG.INTEGER ? readNonNegativeInteger(fields[at++]!) : undefined;
  if (at !== fields.length) throw new Asn1Error('unexpected field in basicConstraints', fields[at]!.start);
  return pathLenConstraint === undefined ? { cA } : { cA, pathLenConstraint };
}

function readKeyUsage(value: Uint8Array): KeyUsageName[] {
  return setBitPositions(readOnly(value, TAG.BIT_STRING)).flatMap((bit) => KEY_USAGE_NAMES[bit] ?? []);
}

/**
 * Read basicConstraints and keyUsage from the fields of a tbsCertificate that follow subjectPublicKeyInfo
 * (issuerUniqueID, subjectUniqueID, extensions — all optional). Throws Asn1Error on malformed DER, and when one of
 * these two extensions appears twice (RFC 5280 §4.2 forbids it): readers that keep the first and readers that keep
 * the last would disagree about whether the certificate is a CA, which is exactly the ambiguity a forger wants.
 */
export function readExtensions(fieldsAfterKey: readonly Asn1Element[]): CertificateExtensions {
  const wrapper = fieldsAfterKey.find((field) => field.tag === EXTENSIONS_TAG);
  if (!wrapper) return {};
  const [list] = children(wrapper);
  let basicConstraints: BasicConstraints | undefined;
  let keyUsage: KeyUsageName[] | undefined;
  for (const extension of children(expect(list, TAG.SEQUENCE, 'extensions'))) {
    const parts = children(expect(extension, TAG.SEQUENCE, 'extension'));
    const oid = oidToString(expect(parts[0], TAG.OID, 'extension id').content);
    const value = expect(parts[parts.length - 1], TAG.OCTET_STRING, 'extension value').content; // after the optional critical flag
    if (oid !== BASIC_CONSTRAINTS && oid !== KEY_USAGE) continue;
    if ((oid === BASIC_CONSTRAINTS ? basicConstraints : keyUsage) !== undefined)
      throw new Asn1Error(`extension ${oid} appears twice`, extension.start);
    if (oid === BASIC_CONSTRAINTS) basicConstraints = readBasicConstraints(value);
    else keyUsage = readKeyUsage(value);
  }
  return { ...(basicConstraints && { basicConstraints }), ...(keyUsage && { keyUsage }) };
}
