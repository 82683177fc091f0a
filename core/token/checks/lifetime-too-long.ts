import { numericDateMs } from '../strict/claims';
import { findingOf, type TokenCheck } from './check-types';
import { claimEvidence } from './token-facts';

/** exp − iat (or exp − nbf) beyond the case's maximum token lifetime. */
export const lifetimeTooLong: TokenCheck = {
  id: 'lifetime-too-long',
  title: 'Lifetime over the configured maximum',
  severity: 'medium',
  references: ['RFC 7519 §4.1.4', 'RFC 8725 §3.10'],
  run({ decoded, caseConfig }) {
    const max = caseConfig?.maxTokenLifetimeSeconds;
    const exp = numericDateMs(decoded.claims, 'exp');
    const start = numericDateMs(decoded.claims, 'iat') ?? numericDateMs(decoded.claims, 'nbf');
    if (max === undefined || exp === undefined || start === undefined) return [];
    const lifetime = (exp - start) / 1000;
    if (lifetime <= max) return [];
    return [
      findingOf(
        lifetimeTooLong,
        `The token is valid for ${lifetime} s (${(lifetime / 3600).toFixed(1)} h); the issuer's maximum is ${max} s. Issued by a misconfigured or non-standard path, or forged.`,
        claimEvidence(decoded, 'exp', { detail: { lifetimeSeconds: lifetime, maxSeconds: max } }),
      ),
    ];
  },
};
