import { X509Certificate, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { jwkThumbprint, type PublicJwk } from '../core/token';
import type { ReportSigner } from '../core/report';
import { CliError } from './cli-error';

/**
 * The CLI's signing key: a PKCS#8 PEM or a private JWK file, Ed25519 or P-256. node:crypto holds it; core only
 * receives the signer (bytes in, signature out), as the app's hosts do with theirs.
 */

function parseKey(keyFile: string, text: string): KeyObject {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof jwk.d !== 'string') throw new Error('the JWK has no private part (d)');
      return createPrivateKey({ key: jwk as never, format: 'jwk' });
    }
    return createPrivateKey({ key: trimmed, format: 'pem' });
  } catch (error) {
    throw new CliError(
      'unreadable-input',
      `${keyFile}: not a private key as a PKCS#8 PEM or a private JWK (${(error as Error).message})`,
    );
  }
}

/** The public half as the JWK members RFC 7638 hashes; undefined for a key that is not Ed25519 or P-256. */
function publicJwkOf(key: KeyObject): PublicJwk | undefined {
  const jwk = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x && jwk.y) return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  return undefined;
}

const describe = (key: KeyObject): string =>
  `a ${key.asymmetricKeyType} key${key.asymmetricKeyDetails?.namedCurve ? ` on ${key.asymmetricKeyDetails.namedCurve}` : ''}`;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;

/**
 * An organisation-issued certificate chain (PEM, leaf first) as `x5c`: base64 DER, the leaf's key the signing key.
 */
async function certificateChain(certFile: string, publicJwk: PublicJwk): Promise<string[]> {
  let certificates: X509Certificate[];
  try {
    const blocks = (await readFile(certFile, 'utf8')).match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0) throw new Error('no PEM certificate in it');
    certificates = blocks.map((block) => new X509Certificate(block));
  } catch (error) {
    throw new CliError('unreadable-input', `${certFile}: not a PEM certificate chain (${(error as Error).message})`);
  }
  const leafKey = publicJwkOf(certificates[0]!.publicKey);
  if (!leafKey || jwkThumbprint(leafKey) !== jwkThumbprint(publicJwk))
    throw new CliError('unreadable-input', `${certFile}: its first certificate is not for the signing key`);
  return certificates.map((certificate) => certificate.raw.toString('base64'));
}

/**
 * Read `keyFile` (and the certificate chain in `certFile`, when given) and make a signer named `name` over it.
 * Refuses any key but Ed25519 and P-256.
 */
export async function loadReportSigner(keyFile: string, name: string, certFile?: string): Promise<ReportSigner> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    throw new CliError('unreadable-input', `${keyFile}: cannot be read (${(error as Error).message})`);
  }
  const key = parseKey(keyFile, text);
  const publicJwk = publicJwkOf(key);
  if (!publicJwk)
    throw new CliError(
      'unreadable-input',
      `${keyFile}: ${describe(key)}; reports are signed with Ed25519 (EdDSA) or P-256 (ES256)`,
    );
  const ed25519 = publicJwk.kty === 'OKP';
  const x5c = certFile === undefined ? undefined : await certificateChain(certFile, publicJwk);
  return {
    x5c,
    alg: ed25519 ? 'EdDSA' : 'ES256',
    publicJwk,
    name,
    sign: async (signingInput) =>
      new Uint8Array(
        ed25519 ? sign(null, signingInput, key) : sign('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }),
      ),
  };
}

/** A public JWK file (`--pubkey`), reduced to the members the thumbprint and verification need. */
export async function loadPublicJwk(file: string): Promise<PublicJwk> {
  try {
    const key = createPublicKey({ key: JSON.parse(await readFile(file, 'utf8')) as never, format: 'jwk' });
    const jwk = publicJwkOf(key);
    if (!jwk) throw new Error(describe(key));
    return jwk;
  } catch (error) {
    throw new CliError('unreadable-input', `${file}: not an Ed25519 or P-256 public JWK (${(error as Error).message})`);
  }
}
