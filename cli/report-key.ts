import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PublicJwk } from '../core/token';
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

/** Read `keyFile` and make a signer named `name` over it. Refuses any key but Ed25519 and P-256. */
export async function loadReportSigner(keyFile: string, name: string): Promise<ReportSigner> {
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
  return {
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
