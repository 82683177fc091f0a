import { createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  OrganisationKeyError,
  proveKeyHolder,
  readOrganisationKey,
  type OrganisationKeyMaterial,
} from '../../../../core/report';
import { verifier } from '../token/token-helpers';
import { HAS_OPENSSL, makeOrganisationChain } from './organisation-chain';

// A few minutes on: the certificates are made (valid from this second) after the module loads.
const now = Date.now() + 5 * 60_000;

/** The host's half of an import, done with node:crypto as Electron's main process does it. */
function nodeSigner(pem: string, alg: OrganisationKeyMaterial['alg']) {
  const key = createPrivateKey(pem);
  return async (input: Uint8Array) =>
    new Uint8Array(
      alg === 'EdDSA' ? sign(null, input, key) : sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' }),
    );
}

describe.skipIf(!HAS_OPENSSL)('readOrganisationKey and proveKeyHolder', async () => {
  const files = HAS_OPENSSL ? await makeOrganisationChain() : undefined!;
  const file = async (name: string, at: string) => ({ name, text: await files.text(at) });

  it('reads a P-256 key with its two-certificate chain, leaf first, as x5c', async () => {
    const material = await readOrganisationKey(
      [await file('leaf.key', files.leafKey), await file('chain.pem', files.chain)],
      { verifier, now },
    );
    expect(material.alg).toBe('ES256');
    expect(material.x5c).toHaveLength(2);
    expect(material.x5c[0]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(material.certificate).toMatchObject({
      subject: 'CN=Northwind CSIRT, O=Northwind',
      issuer: 'CN=Northwind Root CA, O=Northwind',
      chainLength: 2,
    });
    await expect(
      proveKeyHolder(material, nodeSigner(await files.text(files.leafKey), 'ES256'), verifier),
    ).resolves.toBeUndefined();
  });

  it('takes key and certificate from one file (Ed25519, self-signed)', async () => {
    const together = { name: 'both.pem', text: (await files.text(files.selfKey)) + (await files.text(files.selfCert)) };
    const material = await readOrganisationKey([together], { verifier, now });
    expect(material.alg).toBe('EdDSA');
    expect(material.publicJwk.kty).toBe('OKP');
    await proveKeyHolder(material, nodeSigner(await files.text(files.selfKey), 'EdDSA'), verifier);
  });

  it('refuses a private key that is not the leaf certificate’s, naming the certificate', async () => {
    const material = await readOrganisationKey(
      [await file('other.key', files.otherKey), await file('chain.pem', files.chain)],
      { verifier, now },
    );
    await expect(
      proveKeyHolder(material, nodeSigner(await files.text(files.otherKey), 'ES256'), verifier),
    ).rejects.toThrow(/the private key is not the key of the leaf certificate \(CN=Northwind CSIRT, O=Northwind/);
  });

  it('refuses a chain in the wrong order, a key of another type than the leaf, and expired certificates', async () => {
    const reversed = {
      name: 'reversed.pem',
      text: (await files.text(files.caCert)) + (await files.text(files.leafCert)),
    };
    await expect(
      readOrganisationKey([await file('leaf.key', files.leafKey), reversed], { verifier, now }),
    ).rejects.toThrow(
      /certificate 2 \(CN=Northwind CSIRT, O=Northwind\) did not issue certificate 1 \(CN=Northwind Root CA.*leaf first/,
    );
    await expect(
      readOrganisationKey([await file('self.key', files.selfKey), await file('chain.pem', files.chain)], {
        verifier,
        now,
      }),
    ).rejects.toThrow(
      /leaf certificate \(CN=Northwind CSIRT, O=Northwind\) is for a EC P-256 key, the private key is Ed25519/,
    );
    await expect(
      readOrganisationKey([await file('leaf.key', files.leafKey), await file('chain.pem', files.chain)], {
        verifier,
        now: now + 40 * 86_400_000,
      }),
    ).rejects.toThrow(/chain\.pem: certificate 1 \(CN=Northwind CSIRT, O=Northwind\) expired on /);
  });

  it('refuses missing parts and key formats it does not take, with what to do', async () => {
    const key = await file('leaf.key', files.leafKey);
    const read = (list: { name: string; text: string }[]) => readOrganisationKey(list, { verifier, now });
    await expect(read([key])).rejects.toThrow(/none of the chosen files holds a certificate/);
    await expect(read([await file('chain.pem', files.chain)])).rejects.toThrow(
      /none of the chosen files holds a PKCS#8 private key/,
    );
    await expect(read([key, key, await file('chain.pem', files.chain)])).rejects.toThrow(/hold 2 private keys/);
    await expect(read([{ name: 'notes.txt', text: 'hello' }])).rejects.toThrow(/notes\.txt: no PEM block/);
    const encrypted = {
      name: 'enc.pem',
      text: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n',
    };
    await expect(read([encrypted])).rejects.toThrow(/enc\.pem: an encrypted PKCS#8 key; decrypt it/);
    await expect(read([encrypted])).rejects.toBeInstanceOf(OrganisationKeyError);
  });
});
