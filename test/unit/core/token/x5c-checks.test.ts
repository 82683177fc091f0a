import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeToken,
  decodeToken,
  type AnalyzeOptions,
  type CheckContext,
  type Finding,
  type Keyring,
} from '../../../../core/token';
import { x5cOutsideValidity } from '../../../../core/token/checks/x5c-outside-validity';
import { x5cPathConstraints } from '../../../../core/token/checks/x5c-path-constraints';
import { keyringOf, makeToken, keyPair, verifier } from './token-helpers';
import { certificatePem, seconds, x5cToken } from './x509-fixtures';

// Fixture windows (test/fixtures/x509/README.md): leaves 2025-01-01 – 2026-01-01, intermediates 2024-06-01 – 2030-01-01.
const INSIDE = seconds('2025-06-01T00:00:00Z');
const NOW = Date.parse('2025-07-01T00:00:00Z');
/** Claims with `iat` (null: none). */
const claims = (iat: number | null = INSIDE) => ({
  sub: 'alice',
  ...(iat === null ? {} : { iat }),
  exp: (iat ?? INSIDE) + 600,
});

let anchoredAtRoot: Keyring;
beforeAll(async () => {
  anchoredAtRoot = await keyringOf({ 'root-ca.pem': certificatePem('root-ca') });
});

async function findings(
  id: string,
  chain: readonly string[],
  iat: number | null = INSIDE,
  options: Partial<AnalyzeOptions> = {},
): Promise<Finding[]> {
  const token = x5cToken(chain, claims(iat));
  const result = await analyzeToken(token, { verifier, keyring: anchoredAtRoot, now: NOW, ...options });
  return result.findings.filter((finding) => finding.id === id);
}

describe('x5c-outside-validity', () => {
  const validity = (chain: readonly string[], iat?: number | null, options?: Partial<AnalyzeOptions>) =>
    findings('x5c-outside-validity', chain, iat, options);

  it('flags a leaf that had expired at iat, naming the certificate, its index and its window', async () => {
    const [finding, ...rest] = await validity(['leaf', 'intermediate-ca'], seconds('2026-01-01T00:00:01Z'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      evidence: {
        part: 'header',
        field: 'x5c',
        detail: {
          x5cIndex: 0,
          subject: 'O=Tokentrail fixtures, CN=signer.example',
          status: 'expired',
          at: 'iat',
          notAfter: '2026-01-01T00:00:00.000Z',
          time: '2026-01-01T00:00:01.000Z',
        },
      },
    });
    expect(finding!.message).toContain(
      'In the x5c chain, certificate 1 ("O=Tokentrail fixtures, CN=signer.example") had expired on 2026-01-01T00:00:00.000Z, when the token says it was issued',
    );
  });

  it('near miss: valid at the very second of notAfter and of notBefore (both ends inclusive)', async () => {
    expect(await validity(['leaf', 'intermediate-ca'], seconds('2026-01-01T00:00:00Z'))).toEqual([]);
    expect(await validity(['leaf', 'intermediate-ca'], seconds('2025-01-01T00:00:00Z'))).toEqual([]);
  });

  it('flags a certificate not yet valid at iat, and only that one', async () => {
    const found = await validity(['leaf', 'intermediate-ca'], seconds('2024-12-31T23:59:59Z'));
    expect(
      found.map((finding) => [finding.evidence.detail?.x5cIndex, finding.evidence.detail?.status, finding.severity]),
    ).toEqual([[0, 'not-yet-valid', 'high']]);
    expect(found[0]!.message).toContain('was not valid until 2025-01-01T00:00:00.000Z');
  });

  it('reads GeneralizedTime windows: a certificate valid only from 2050', async () => {
    const found = await validity(['future-leaf', 'intermediate-ca']);
    expect(
      found.map((finding) => [
        finding.evidence.detail?.subject,
        finding.evidence.detail?.notBefore,
        finding.evidence.detail?.status,
      ]),
    ).toEqual([['O=Tokentrail fixtures, CN=future.example', '2050-01-01T00:00:00.000Z', 'not-yet-valid']]);
  });

  it('reports every certificate outside its window, intermediates included', async () => {
    const found = await validity(['leaf', 'intermediate-ca'], seconds('2030-01-01T00:00:01Z'));
    expect(found.map((finding) => finding.evidence.detail?.x5cIndex)).toEqual([0, 1]);
  });

  it('without iat: judged at the first recorded use, else at the analysis time (medium for expiry then)', async () => {
    const after = Date.parse('2026-02-01T00:00:00Z');
    expect(
      await validity(['leaf', 'intermediate-ca'], null, {
        now: after,
        useTimes: [Date.parse('2025-03-01T00:00:00Z'), after],
      }),
    ).toEqual([]);
    expect(
      (await validity(['leaf', 'intermediate-ca'], null, { useTimes: [after] })).map((finding) => [
        finding.severity,
        finding.evidence.detail?.at,
      ]),
    ).toEqual([['high', 'first use']]);
    expect(
      (await validity(['leaf', 'intermediate-ca'], null, { now: after })).map((finding) => [
        finding.severity,
        finding.evidence.detail?.at,
      ]),
    ).toEqual([['medium', 'analysis time']]);
    expect(await validity(['leaf', 'intermediate-ca'], null)).toEqual([]); // NOW is inside the window
  });
});

describe('x5c-path-constraints', () => {
  const constraints = (chain: readonly string[], options?: Partial<AnalyzeOptions>) =>
    findings('x5c-path-constraints', chain, INSIDE, options);
  const summary = (found: readonly Finding[]) =>
    found.map((finding) => [finding.evidence.detail?.x5cIndex, finding.severity]);

  it('near miss: a proper chain through a CA intermediate raises nothing', async () => {
    expect(await constraints(['leaf', 'intermediate-ca'])).toEqual([]);
    expect(await constraints(['leaf', 'intermediate-ca', 'root-ca'])).toEqual([]);
  });

  it('flags the classic forged chain: an ordinary leaf certificate used as an issuer (high when it reaches the anchor)', async () => {
    const found = await constraints(['forged-under-leaf', 'leaf', 'intermediate-ca']);
    // The leaf is no CA and has no keyCertSign; putting it in the path also exceeds intermediate-ca's pathlen 0.
    expect(summary(found)).toEqual([
      [1, 'high'],
      [2, 'high'],
    ]);
    expect(found[0]!.evidence.detail).toMatchObject({
      subject: 'O=Tokentrail fixtures, CN=signer.example',
      cA: false,
      keyUsage: 'digitalSignature',
      anchored: true,
      notBefore: '2025-01-01T00:00:00.000Z',
    });
    expect(found[0]!.message).toContain(
      'certificate 2 ("O=Tokentrail fixtures, CN=signer.example") vouches for certificate 1, but its basicConstraints say it is not a CA (cA is false); and its keyUsage (digitalSignature) does not include keyCertSign',
    );
    expect(found[0]!.evidence.detail?.problems).toBe('not-a-ca, no-keycertsign');
    expect(found[1]!.evidence.detail?.problems).toBe('path-length-exceeded');
    expect(found[0]!.message).toContain('classic forged chain');
  });

  it('medium when the forged chain does not reach the keyring anyway', async () => {
    const found = await constraints(['forged-under-leaf', 'leaf', 'intermediate-ca'], { keyring: await keyringOf({}) });
    expect(summary(found)).toEqual([
      [1, 'medium'],
      [2, 'medium'],
    ]);
  });

  it('flags an issuer with no basicConstraints at all (a version 1 certificate)', async () => {
    const [finding] = await constraints(['forged-under-v1', 'v1-leaf', 'intermediate-ca']);
    expect(finding).toMatchObject({
      severity: 'high',
      evidence: { detail: { x5cIndex: 1, cA: null, keyUsage: null } },
    });
    expect(finding!.message).toContain('it has no basicConstraints extension');
  });

  it('flags a CA whose keyUsage lacks keyCertSign', async () => {
    const found = await constraints(['leaf-under-ca-without-keycertsign', 'ca-without-keycertsign']);
    expect(summary(found)).toEqual([[1, 'high']]);
    expect(found[0]!.message).toContain('its keyUsage (digitalSignature, cRLSign) does not include keyCertSign');
    expect(found[0]!.message).not.toContain('not a CA');
  });

  it('flags a pathLenConstraint exceeded, and not one respected exactly', async () => {
    const found = await constraints(['leaf-under-sub-intermediate', 'sub-intermediate-ca', 'intermediate-ca']);
    expect(summary(found)).toEqual([[2, 'high']]);
    expect(found[0]!.evidence.detail).toMatchObject({ pathLenConstraint: 0, intermediatesBelow: 1 });
    expect(found[0]!.message).toContain(
      'its pathLenConstraint allows 0 intermediate certificates below it, and the chain has 1',
    );
    expect(found[0]!.message).toContain('more CA levels than this issuer allows');
    expect(await constraints(['leaf-under-sub-intermediate-ok', 'sub-intermediate-ok-ca', 'pathlen-1-ca'])).toEqual([]);
  });

  it('judges the keyring certificate that signs the chain, but trusts an anchor that merely lacks extensions', async () => {
    const leafAsAnchor = await keyringOf({ 'leaf.pem': certificatePem('leaf') });
    const found = await constraints(['forged-under-leaf'], { keyring: leafAsAnchor });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'high',
      evidence: { detail: { x5cIndex: null, source: 'keyring', cA: false } },
    });
    expect(found[0]!.message).toContain(
      'vouched for by the keyring certificate "O=Tokentrail fixtures, CN=signer.example", but its basicConstraints say it is not a CA',
    );
    const v1Anchor = await keyringOf({ 'v1.pem': certificatePem('v1-leaf') });
    expect(await constraints(['forged-under-v1'], { keyring: v1Anchor })).toEqual([]);
  });

  it('flags a leaf whose keyUsage excludes digitalSignature (medium), not one without keyUsage', async () => {
    const found = await constraints(['leaf-key-agreement', 'intermediate-ca']);
    expect(
      found.map((finding) => [finding.evidence.detail?.x5cIndex, finding.severity, finding.evidence.detail?.keyUsage]),
    ).toEqual([[0, 'medium', 'keyAgreement']]);
    expect(found[0]!.message).toContain(
      'comes from the leaf of the x5c chain, certificate 1 ("O=Tokentrail fixtures, CN=agreement.example"), whose keyUsage allows only keyAgreement, not digitalSignature',
    );
    expect(await constraints(['v1-leaf', 'intermediate-ca'])).toEqual([]);
  });
});

describe('cost', () => {
  it('the chain is parsed and its signatures verified once for both checks that need the path', async () => {
    const { x5cUntrusted } = await import('../../../../core/token/checks/x5c-untrusted');
    const verifyCalls = async (checks: AnalyzeOptions['checks']) => {
      let calls = 0;
      const counting: typeof verifier = {
        verify: (...args) => {
          calls++;
          return verifier.verify(...args);
        },
      };
      await analyzeToken(x5cToken(['forged-under-leaf', 'leaf', 'intermediate-ca'], claims()), {
        verifier: counting,
        keyring: anchoredAtRoot,
        now: NOW,
        checks,
      });
      return calls;
    };
    expect(await verifyCalls([x5cUntrusted, x5cPathConstraints])).toBe(await verifyCalls([x5cUntrusted]));
  });

  it('both checks answer synchronously with no finding when the header has no x5c, or an unreadable one', () => {
    const pair = keyPair('P-256');
    for (const header of [{}, { x5c: 'not-an-array' }, { x5c: ['AAAA'] }]) {
      const context = { decoded: decodeToken(makeToken('ES256', pair.privateKey, claims(), header)) } as CheckContext; // the checks must not need more
      expect(x5cOutsideValidity.run(context)).toEqual([]);
      expect(x5cPathConstraints.run(context)).toEqual([]);
    }
  });

  it('an unreadable x5c is still reported once, by x5c-untrusted', async () => {
    const pair = keyPair('P-256');
    const result = await analyzeToken(makeToken('ES256', pair.privateKey, claims(), { x5c: ['AAAA'] }), {
      verifier,
      keyring: anchoredAtRoot,
      now: NOW,
    });
    expect(result.findings.filter((finding) => finding.id.startsWith('x5c-')).map((finding) => finding.id)).toEqual([
      'x5c-untrusted',
    ]);
  });
});
