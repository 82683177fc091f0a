import type { KeyLifecycle } from '../../evidence/key-rotation';
import type { PublicJwk } from './public-key';
import type { CertificateInfo } from './x509';

/** The form a key was found in. */
export type KeyFormat =
  | 'jwks'
  | 'jwk'
  | 'pem-spki'
  | 'pem-pkcs1'
  | 'pem-pkcs8'
  | 'pem-rsa-private'
  | 'pem-ec-private'
  | 'der-spki'
  | 'der-pkcs1'
  | 'der-pkcs8'
  | 'der-rsa-private'
  | 'x509-pem'
  | 'x509-der'
  | 'x5c'
  | 'secret';

/** Where a key came from. */
export interface KeySource {
  readonly file: string;
  readonly format: KeyFormat;
  /** Position within the file (JWKS entry, PEM block). */
  readonly index?: number;
  /** True when the file held a private key and only its public part was kept. */
  readonly privatePartDropped?: boolean;
  /** For secrets: whether the secret is the file as-is or trimmed of its trailing newline. */
  readonly secretEncoding?: 'as-file' | 'trimmed' | 'jwk-k';
}

/** One key in the keyring: an asymmetric public key or an HMAC secret, with everything known about it. */
export interface KeyringKey {
  /** Unique within the keyring. */
  readonly id: string;
  readonly kid?: string;
  readonly kty: 'RSA' | 'EC' | 'OKP' | 'oct';
  /** The algorithm the key is pinned to (JWK "alg"), when stated. */
  readonly alg?: string;
  readonly use?: string;
  readonly keyOps?: readonly string[];
  /** RFC 7638 thumbprint. */
  readonly thumbprint: string;
  readonly publicJwk?: PublicJwk;
  /** SPKI DER of the public key. */
  readonly spki?: Uint8Array;
  /** The HMAC secret of an `oct` key. */
  readonly secret?: Uint8Array;
  /** RSA modulus size. */
  readonly bits?: number;
  /** The certificate the key came from, when it came from one. */
  readonly certificate?: CertificateInfo;
  /**
   * How the key was written in every file it was found in, for key-confusion tests (a server may have used any of
   * these texts as an HMAC secret). Public material only: never the text of a file that holds a private key.
   */
  readonly asWritten?: readonly KeyText[];
  readonly source: KeySource;
  /** The issuer's recorded lifecycle for this key, matched by kid or thumbprint. */
  readonly lifecycle?: KeyLifecycle;
}

/** One text a public key was written as. */
export interface KeyText {
  readonly file: string;
  /** A PEM block, a JWK (alone or as a JWKS entry), or the whole file. */
  readonly kind: 'pem-block' | 'jwk' | 'file';
  /** The exact text; absent for a JWKS entry, whose exact text is not kept apart from the file's. */
  readonly text?: string;
  /** For a JWK: its public members as the file wrote them, in the file's order. */
  readonly members?: Readonly<Record<string, unknown>>;
}

/** Something in a key file that could not be used, with a stable code. */
export interface KeyProblem {
  /** `key-invalid`: readable, but not a usable key of its type (EC point off the curve, RSA modulus too small…). */
  readonly code:
    | 'key-unreadable'
    | 'key-unsupported'
    | 'key-invalid'
    | 'key-encrypted'
    | 'key-no-public-part'
    | 'key-lifecycle-unmatched';
  readonly file: string;
  readonly message: string;
}

/** Keys loaded from one file. */
export interface LoadedKeys {
  readonly keys: readonly KeyringKey[];
  readonly certificates: readonly CertificateInfo[];
  readonly problems: readonly KeyProblem[];
}

/** All keys of a case: the keyring every verification and check consults. */
export interface Keyring {
  readonly keys: readonly KeyringKey[];
  /** Certificates given to the investigator (trust anchors and intermediates for x5c checks). */
  readonly certificates: readonly CertificateInfo[];
  readonly problems: readonly KeyProblem[];
}

/** A keyring with no keys. */
export const EMPTY_KEYRING: Keyring = { keys: [], certificates: [], problems: [] };
