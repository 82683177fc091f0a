import { algNone } from './alg-none';
import { algorithmNotAllowed } from './algorithm-not-allowed';
import { audienceNotAllowed } from './audience-not-allowed';
import type { TokenCheck } from './check-types';
import { critHeader } from './crit-header';
import { claimType, duplicateJsonKey, invalidUtf8, malformedToken, nonCanonicalEncoding } from './decoding';
import { ecdsaDerSignature } from './ecdsa-der-signature';
import { ecdsaHighS } from './ecdsa-high-s';
import { ecdsaPsychicSignature } from './ecdsa-psychic-signature';
import { embeddedJwk } from './embedded-jwk';
import { emptyHmacKey } from './empty-hmac-key';
import { iatInFuture } from './iat-in-future';
import { issuerNotAllowed } from './issuer-not-allowed';
import { jkuX5u } from './jku-x5u';
import { jweDecryption } from './jwe-decryption';
import { jweZip } from './jwe-zip';
import { keyConfusion } from './key-confusion';
import { keyOutsideValidity } from './key-outside-validity';
import { kidInjection } from './kid-injection';
import { lifetimeTooLong } from './lifetime-too-long';
import { missingExp } from './missing-exp';
import { nbfAfterExp } from './nbf-after-exp';
import { pbes2Count } from './pbes2-count';
import { signatureInvalid } from './signature-invalid';
import { signatureLength } from './signature-length';
import { signatureMissing } from './signature-missing';
import { typConfusion } from './typ-confusion';
import { unencodedPayload } from './unencoded-payload';
import { unknownKid } from './unknown-kid';
import { usedAfterExp } from './used-after-exp';
import { weakHmacSecret } from './weak-hmac-secret';
import { x5cOutsideValidity } from './x5c-outside-validity';
import { x5cPathConstraints } from './x5c-path-constraints';
import { x5cUntrusted } from './x5c-untrusted';

/** Every token check, in the order findings are listed. Each id is documented in docs/checks.md. */
export const TOKEN_CHECKS: readonly TokenCheck[] = [
  malformedToken,
  nonCanonicalEncoding,
  invalidUtf8,
  duplicateJsonKey,
  claimType,
  algNone,
  signatureMissing,
  signatureInvalid,
  signatureLength,
  emptyHmacKey,
  weakHmacSecret,
  keyConfusion,
  embeddedJwk,
  jkuX5u,
  x5cUntrusted,
  x5cOutsideValidity,
  x5cPathConstraints,
  kidInjection,
  unknownKid,
  keyOutsideValidity,
  ecdsaPsychicSignature,
  ecdsaHighS,
  ecdsaDerSignature,
  critHeader,
  unencodedPayload,
  pbes2Count,
  jweZip,
  jweDecryption,
  algorithmNotAllowed,
  issuerNotAllowed,
  audienceNotAllowed,
  typConfusion,
  missingExp,
  lifetimeTooLong,
  iatInFuture,
  nbfAfterExp,
  usedAfterExp,
];

/** A check by id. */
export function checkById(id: string): TokenCheck | undefined {
  return TOKEN_CHECKS.find((check) => check.id === id);
}
