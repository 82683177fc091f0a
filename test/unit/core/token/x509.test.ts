import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Asn1Error,
  TAG,
  children,
  encodeElement,
  encodeOid,
  readElement,
  readOnly,
  readTime,
  setBitPositions,
} from '../../../../core/token/keyring/asn1';
import { parseCertificate } from '../../../../core/token/keyring/x509';
import { readExtensions } from '../../../../core/token/keyring/x509-extensions';
import { certificateDer, certificatePem } from './x509-fixtures';

const element = (tag: number, content: string | number[]) =>
  readElement(
    encodeElement(tag, typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(content)),
  );
const utc = (text: string) => readTime(element(TAG.UTC_TIME, text));
const generalized = (text: string) => readTime(element(TAG.GENERALIZED_TIME, text));

/** One Extension SEQUENCE { extnID, [critical,] extnValue }. */
function extension(oid: string, value: Uint8Array, critical = false): Uint8Array {
  return encodeElement(
    TAG.SEQUENCE,
    encodeOid(oid),
    ...(critical ? [encodeElement(TAG.BOOLEAN, Uint8Array.of(0xff))] : []),
    encodeElement(TAG.OCTET_STRING, value),
  );
}
const extensionsField = (...extensions: Uint8Array[]) => [
  readElement(encodeElement(0xa3, encodeElement(TAG.SEQUENCE, ...extensions))),
];
const basicConstraints = (...fields: Uint8Array[]) =>
  extension('2.5.29.19', encodeElement(TAG.SEQUENCE, ...fields), true);

describe('certificate times (RFC 5280 §4.1.2.5)', () => {
  it('reads UTCTime with the 1950/2049 century pivot', () => {
    expect(utc('250101000000Z')).toBe(Date.UTC(2025, 0, 1));
    expect(utc('491231235959Z')).toBe(Date.UTC(2049, 11, 31, 23, 59, 59));
    expect(utc('500101000000Z')).toBe(Date.UTC(1950, 0, 1));
    expect(utc('990101000000Z')).toBe(Date.UTC(1999, 0, 1));
  });

  it('reads GeneralizedTime, including years before 2050 and a leap day', () => {
    expect(generalized('20500101000000Z')).toBe(Date.UTC(2050, 0, 1));
    expect(generalized('20240229120000Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(generalized('99991231235959Z')).toBe(Date.UTC(9999, 11, 31, 23, 59, 59)); // "no well-defined expiration"
    expect(generalized('00500101000000Z')).toBe(new Date('0050-01-01T00:00:00Z').getTime()); // not read as 1950
  });

  it.each([
    ['UTCTime without seconds', TAG.UTC_TIME, '2501010000Z'],
    ['UTCTime with an offset', TAG.UTC_TIME, '250101000000+0100'],
    ['UTCTime 30 February', TAG.UTC_TIME, '250230000000Z'],
    ['UTCTime hour 24', TAG.UTC_TIME, '250101240000Z'],
    ['GeneralizedTime with fractional seconds', TAG.GENERALIZED_TIME, '20500101000000.5Z'],
    ['GeneralizedTime without Z', TAG.GENERALIZED_TIME, '20500101000000'],
    ['GeneralizedTime 29 February of a common year', TAG.GENERALIZED_TIME, '20250229000000Z'],
    ['a time in an OCTET STRING', TAG.OCTET_STRING, '250101000000Z'],
  ])('refuses %s', (_what, tag, text) => {
    expect(() => readTime(element(tag, text))).toThrow(Asn1Error);
  });
});

describe('named bit lists', () => {
  it('reads positions from the most significant bit and ignores unused bits', () => {
    expect(setBitPositions(element(TAG.BIT_STRING, [0x07, 0x80]))).toEqual([0]); // digitalSignature, as DER writes it
    expect(setBitPositions(element(TAG.BIT_STRING, [0x01, 0x06]))).toEqual([5, 6]); // keyCertSign, cRLSign
    expect(setBitPositions(element(TAG.BIT_STRING, [0x07, 0x80, 0x80]))).toEqual([0, 8]);
    expect(setBitPositions(element(TAG.BIT_STRING, [0x07, 0xff]))).toEqual([0]);
    expect(setBitPositions(element(TAG.BIT_STRING, [0x00]))).toEqual([]);
    expect(() => setBitPositions(element(TAG.BIT_STRING, [0x08, 0xff]))).toThrow(Asn1Error);
  });
});

describe('X.509 extensions (basicConstraints, keyUsage)', () => {
  it('reads cA and pathLenConstraint, with cA FALSE written out (BER) or left to its default', () => {
    expect(
      readExtensions(
        extensionsField(
          basicConstraints(
            encodeElement(TAG.BOOLEAN, Uint8Array.of(0xff)),
            encodeElement(TAG.INTEGER, Uint8Array.of(2)),
          ),
        ),
      ),
    ).toEqual({ basicConstraints: { cA: true, pathLenConstraint: 2 } });
    expect(readExtensions(extensionsField(basicConstraints(encodeElement(TAG.BOOLEAN, Uint8Array.of(0)))))).toEqual({
      basicConstraints: { cA: false },
    });
    expect(readExtensions(extensionsField(basicConstraints()))).toEqual({ basicConstraints: { cA: false } });
  });

  it('saturates an absurd path length and refuses a negative one', () => {
    const huge = encodeElement(TAG.INTEGER, Uint8Array.from([0x7f, ...new Array<number>(15).fill(0xff)]));
    expect(
      readExtensions(extensionsField(basicConstraints(encodeElement(TAG.BOOLEAN, Uint8Array.of(0xff)), huge)))
        .basicConstraints?.pathLenConstraint,
    ).toBe(Number.MAX_SAFE_INTEGER);
    expect(() =>
      readExtensions(
        extensionsField(
          basicConstraints(
            encodeElement(TAG.BOOLEAN, Uint8Array.of(0xff)),
            encodeElement(TAG.INTEGER, Uint8Array.of(0xff)),
          ),
        ),
      ),
    ).toThrow(Asn1Error);
  });

  it('reads keyUsage bits by name, and leaves other extensions alone', () => {
    const keyUsage = extension('2.5.29.15', encodeElement(TAG.BIT_STRING, Uint8Array.of(0x01, 0x86)), true);
    const subjectKeyIdentifier = extension('2.5.29.14', encodeElement(TAG.OCTET_STRING, Uint8Array.of(1, 2, 3)));
    expect(readExtensions(extensionsField(subjectKeyIdentifier, keyUsage))).toEqual({
      keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
    });
  });

  it('refuses a certificate that states basicConstraints twice (parsers would disagree on which counts)', () => {
    const notCa = basicConstraints();
    const ca = basicConstraints(encodeElement(TAG.BOOLEAN, Uint8Array.of(0xff)));
    expect(() => readExtensions(extensionsField(notCa, ca))).toThrow(/appears twice/);
  });

  it('reads nothing when there is no extensions field (v1, v2)', () => {
    expect(readExtensions([])).toEqual({});
    expect(readExtensions([readElement(encodeElement(0x81, Uint8Array.of(0, 1)))])).toEqual({}); // an issuerUniqueID only
  });
});

describe('parseCertificate on OpenSSL certificates (test/fixtures/x509)', () => {
  it.each([
    [
      'root-ca',
      { basicConstraints: { cA: true }, keyUsage: ['keyCertSign', 'cRLSign'] },
      '2024-01-01T00:00:00Z',
      '2060-01-01T00:00:00Z',
    ],
    [
      'intermediate-ca',
      { basicConstraints: { cA: true, pathLenConstraint: 0 }, keyUsage: ['keyCertSign', 'cRLSign'] },
      '2024-06-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ],
    [
      'pathlen-1-ca',
      { basicConstraints: { cA: true, pathLenConstraint: 1 }, keyUsage: ['keyCertSign', 'cRLSign'] },
      '2024-06-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ],
    [
      'leaf',
      { basicConstraints: { cA: false }, keyUsage: ['digitalSignature'] },
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    ],
    [
      'leaf-key-agreement',
      { basicConstraints: { cA: false }, keyUsage: ['keyAgreement'] },
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    ],
    [
      'ca-without-keycertsign',
      { basicConstraints: { cA: true }, keyUsage: ['digitalSignature', 'cRLSign'] },
      '2024-06-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ],
    ['v1-leaf', {}, '1999-01-01T00:00:00Z', '2049-12-31T23:59:59Z'],
    [
      'future-leaf',
      { basicConstraints: { cA: false }, keyUsage: ['digitalSignature'] },
      '2050-01-01T00:00:00Z',
      '2051-01-01T00:00:00Z',
    ],
  ])('%s: validity and extensions', (name, extensions, notBefore, notAfter) => {
    const certificate = parseCertificate(certificateDer(name));
    expect(certificate.notBefore).toBe(Date.parse(notBefore));
    expect(certificate.notAfter).toBe(Date.parse(notAfter));
    expect({ basicConstraints: certificate.basicConstraints, keyUsage: certificate.keyUsage }).toEqual({
      basicConstraints: undefined,
      keyUsage: undefined,
      ...extensions,
    });
    // Node's own X.509 reader (OpenSSL) as an independent witness of the same facts.
    const witness = new X509Certificate(certificatePem(name));
    expect(certificate.notBefore).toBe(Date.parse(witness.validFrom));
    expect(certificate.notAfter).toBe(Date.parse(witness.validTo));
    // Its `ca` is OpenSSL's X509_check_ca: cA true and, when keyUsage is present, keyCertSign among the bits.
    const mayIssue =
      (certificate.basicConstraints?.cA ?? false) && (certificate.keyUsage?.includes('keyCertSign') ?? true);
    expect(mayIssue).toBe(witness.ca);
  });

  it('encodes the fixture dates in both forms, so both readers above are exercised', () => {
    const validityTags = (name: string) => {
      const [tbs] = children(readOnly(certificateDer(name), TAG.SEQUENCE));
      const fields = children(tbs!);
      const validity = fields[fields[0]!.tag === 0xa0 ? 4 : 3]!; // after [version], serialNumber, signature, issuer
      return children(validity).map((time) => time.tag);
    };
    expect(validityTags('root-ca')).toEqual([TAG.UTC_TIME, TAG.GENERALIZED_TIME]);
    expect(validityTags('v1-leaf')).toEqual([TAG.UTC_TIME, TAG.UTC_TIME]);
    expect(validityTags('future-leaf')).toEqual([TAG.GENERALIZED_TIME, TAG.GENERALIZED_TIME]);
  });
});
