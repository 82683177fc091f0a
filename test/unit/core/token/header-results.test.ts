// The header-result cache of bulk analysis: header-scoped checks run once per distinct header and their findings are
// reused, while everything that depends on the payload or the signature is judged for each token on its own.
import { describe, expect, it } from 'vitest';
import {
  analyzeToken,
  createHeaderResults,
  TOKEN_CHECKS,
  type AnalyzeOptions,
  type TokenAnalysis,
  type TokenCheck,
} from '../../../../core/token';
import type { CaseConfig } from '../../../../core/evidence/case-config';
import { json, keyPair, keyringOf, makeToken, publicJwk, verifier } from './token-helpers';

const rsa = keyPair('rsa');
const NOW = Date.UTC(2026, 0, 1);
const config: CaseConfig = {
  expectedIssuers: [],
  apis: [],
  allowedAlgorithms: ['RS256'],
  jwksUri: 'https://id.example/jwks',
};
// A header with findings of header-scoped checks that leave the signature valid (a crit header would not).
const HEADER = { kid: "rsa' OR '1'='1", jku: 'https://evil.example/jwks', typ: 'JWT' };
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'alice',
  iat: NOW / 1000 - 60,
  exp: NOW / 1000 + 600,
  ...extra,
});

/** What the CLI prints of an analysis, plus evidence: the part a cache could get wrong. */
const summary = (analysis: TokenAnalysis) => ({
  status: analysis.signature.status,
  tokenHash: analysis.tokenHash,
  findings: analysis.findings.map(({ id, severity, message, evidence }) => ({ id, severity, message, evidence })),
});

async function optionsWith(extra: Partial<AnalyzeOptions> = {}): Promise<AnalyzeOptions> {
  const keyring = await keyringOf({
    'jwks.json': JSON.stringify({ keys: [publicJwk(rsa.publicKey, { kid: HEADER.kid })] }),
  });
  return { verifier, keyring, caseConfig: config, now: NOW, ...extra };
}

describe('header results (bulk analysis)', () => {
  it('gives two tokens with the same header but different signatures and claims their own verdicts', async () => {
    const plain = await optionsWith();
    const cached = { ...plain, headerResults: createHeaderResults() };
    const good = makeToken('RS256', rsa.privateKey, claims(), HEADER);
    // Same header segment: a signature that does not verify, and claims that expired long ago with no iat.
    const [header, payload] = good.split('.');
    const expiredPayload = json({ sub: 'mallory', exp: 1_000 });
    const forged = `${header}.${expiredPayload}.${good.split('.')[2]}`;
    expect(forged.split('.')[0]).toBe(header);
    expect(payload).not.toBe(expiredPayload);

    const first = await analyzeToken(good, cached);
    const second = await analyzeToken(forged, cached);
    expect(first.signature.status).toBe('valid');
    expect(second.signature.status).toBe('invalid');
    expect(second.findings.map((finding) => finding.id)).toContain('signature-invalid');
    expect(first.findings.map((finding) => finding.id)).not.toContain('signature-invalid');
    // The header's findings are in both, the claims' only in the token that has them.
    for (const analysis of [first, second])
      expect(analysis.findings.map((finding) => finding.id)).toEqual(
        expect.arrayContaining(['kid-injection', 'jku-x5u']),
      );
    // Byte for byte what analysis without the cache gives, in either order.
    expect(summary(first)).toEqual(summary(await analyzeToken(good, plain)));
    expect(summary(second)).toEqual(summary(await analyzeToken(forged, plain)));
    const reversed = { ...plain, headerResults: createHeaderResults() };
    expect(summary(await analyzeToken(forged, reversed))).toEqual(summary(second));
    expect(summary(await analyzeToken(good, reversed))).toEqual(summary(first));
  });

  it('runs a header-scoped check once per distinct header and every other check on every token', async () => {
    const runs = new Map<string, number>();
    const counted = TOKEN_CHECKS.map((check): TokenCheck => ({
      ...check,
      run: (context) => {
        runs.set(check.id, (runs.get(check.id) ?? 0) + 1);
        return check.run(context);
      },
    }));
    const options = await optionsWith({ checks: counted, headerResults: createHeaderResults() });
    const other = { ...HEADER, kid: 'other' };
    const tokens = [
      makeToken('RS256', rsa.privateKey, claims({ n: 1 }), HEADER),
      makeToken('RS256', rsa.privateKey, claims({ n: 2 }), HEADER),
      makeToken('RS256', rsa.privateKey, claims({ n: 3 }), other),
      makeToken('RS256', rsa.privateKey, claims({ n: 4 }), HEADER),
    ];
    for (const token of tokens) await analyzeToken(token, options);
    for (const check of TOKEN_CHECKS)
      expect(runs.get(check.id), check.id).toBe(check.scope === 'header' ? 2 : tokens.length);
    expect(TOKEN_CHECKS.filter((check) => check.scope === 'header').map((check) => check.id)).toEqual([
      'jku-x5u',
      'kid-injection',
      'crit-header',
      'b64-false',
      'algorithm-not-allowed',
    ]);
  });

  it('keeps one copy of a finding per token (a change to one token’s findings reaches no other)', async () => {
    const options = await optionsWith({ headerResults: createHeaderResults() });
    const first = await analyzeToken(makeToken('RS256', rsa.privateKey, claims({ n: 1 }), HEADER), options);
    const second = await analyzeToken(makeToken('RS256', rsa.privateKey, claims({ n: 2 }), HEADER), options);
    const kid = (analysis: TokenAnalysis) => analysis.findings.find((finding) => finding.id === 'kid-injection');
    expect(kid(first)).toEqual(kid(second));
    expect(kid(first)).not.toBe(kid(second));
  });

  it('looks up compact JWS only: a JSON serialization with the same protected header runs every check', async () => {
    const results = createHeaderResults();
    const options = await optionsWith({ headerResults: results });
    const token = makeToken('RS256', rsa.privateKey, claims(), HEADER);
    const [protectedHeader, payload, signature] = token.split('.');
    const flattened = JSON.stringify({ protected: protectedHeader, payload, signature });
    const compact = await analyzeToken(token, options);
    const json = await analyzeToken(flattened, options);
    expect(summary(json)).toEqual(summary(await analyzeToken(flattened, await optionsWith())));
    expect(compact.signature.status).toBe('valid');
    expect(results.entryFor(json.decoded)).toBeUndefined();
    expect(results.entryFor(compact.decoded)?.size).toBe(5);
    // A header no longer than the limit is kept; a hostile, huge one is not.
    const huge = makeToken('RS256', rsa.privateKey, claims(), { ...HEADER, pad: 'x'.repeat(2000) });
    const analysed = await analyzeToken(huge, options);
    expect(results.entryFor(analysed.decoded)).toBeUndefined();
  });
});
