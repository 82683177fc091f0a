// Organisation key material made with openssl for the tests: an Ed25519 CA and a P-256 leaf it issued, a self-signed
// Ed25519 certificate, and the wrong-key and wrong-order variants the import must refuse.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

function openssl(cwd: string, ...args: string[]): void {
  const made = spawnSync('openssl', args, { cwd });
  if (made.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${String(made.stderr)}`);
}

/** Files written into a fresh temporary folder; every text is also returned. */
export interface OrganisationChainFiles {
  readonly dir: string;
  /** PKCS#8 P-256 leaf key, its certificate, the CA certificate, and leaf+CA as one chain file. */
  readonly leafKey: string;
  readonly leafCert: string;
  readonly caCert: string;
  readonly chain: string;
  /** An Ed25519 key with a self-signed certificate. */
  readonly selfKey: string;
  readonly selfCert: string;
  /** Another P-256 key, not the leaf's. */
  readonly otherKey: string;
  readonly text: (file: string) => Promise<string>;
}

export async function makeOrganisationChain(): Promise<OrganisationChainFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-orgkey-'));
  openssl(dir, 'genpkey', '-algorithm', 'ed25519', '-out', 'ca.key');
  openssl(
    dir,
    'req',
    '-x509',
    '-key',
    'ca.key',
    '-subj',
    '/CN=Northwind Root CA/O=Northwind',
    '-days',
    '30',
    '-out',
    'ca.pem',
  );
  openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'leaf.key');
  openssl(dir, 'req', '-new', '-key', 'leaf.key', '-subj', '/CN=Northwind CSIRT/O=Northwind', '-out', 'leaf.csr');
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    '7',
    '-days',
    '30',
    '-out',
    'leaf.pem',
  );
  openssl(dir, 'genpkey', '-algorithm', 'ed25519', '-out', 'self.key');
  openssl(dir, 'req', '-x509', '-key', 'self.key', '-subj', '/CN=Casey Examiner', '-days', '30', '-out', 'self.pem');
  openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'other.key');
  const at = (name: string) => path.join(dir, name);
  const chain = at('chain.pem');
  await writeFile(chain, (await readFile(at('leaf.pem'), 'utf8')) + (await readFile(at('ca.pem'), 'utf8')));
  return {
    dir,
    leafKey: at('leaf.key'),
    leafCert: at('leaf.pem'),
    caCert: at('ca.pem'),
    chain,
    selfKey: at('self.key'),
    selfCert: at('self.pem'),
    otherKey: at('other.key'),
    text: (file) => readFile(file, 'utf8'),
  };
}
