import type { Finding } from '../findings';
import { sameBytes, type CertificateInfo } from '../keyring/x509';
import { findingOf, type CheckContext, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';
import { certificateDetail, certificateName, x5cChainOf, x5cChainWalk, type ChainWalk } from './x5c-chain';

/** A certificate acting as an issuer in the path, and how many intermediates sit between it and the leaf. */
interface PathIssuer {
  readonly certificate: CertificateInfo;
  /** Its index in x5c; undefined for a keyring certificate that signed the last x5c certificate. */
  readonly x5cIndex?: number;
  /** True for the keyring certificate the chain ends at (in x5c or not). */
  readonly anchor: boolean;
  /** Non-self-issued intermediate certificates that follow it towards the leaf (what pathLenConstraint limits). */
  readonly intermediatesBelow: number;
}

const selfIssued = (certificate: CertificateInfo): boolean => sameBytes(certificate.subjectDer, certificate.issuerDer);

/**
 * The issuers of the path: when the chain reaches the keyring, the x5c certificates up to that point and the keyring
 * certificate that signed the last of them; when it does not, every certificate the token presents as an issuer
 * (RFC 7515 §4.1.6: each certifies the one before it), since that is what a verifier trusting x5c would use.
 */
function pathIssuers(chain: readonly CertificateInfo[], walk: ChainWalk): PathIssuer[] {
  const last = walk.anchored ? walk.end : chain.length - 1;
  const issuers: PathIssuer[] = [];
  let intermediates = 0; // RFC 5280 §4.2.1.9: the leaf is not counted, nor are self-issued certificates
  for (let index = 1; index <= last; index++) {
    issuers.push({
      certificate: chain[index]!,
      x5cIndex: index,
      anchor: walk.anchored && !walk.anchor && index === last,
      intermediatesBelow: intermediates,
    });
    if (!selfIssued(chain[index]!)) intermediates++;
  }
  if (walk.anchor) issuers.push({ certificate: walk.anchor, anchor: true, intermediatesBelow: intermediates });
  return issuers;
}

/** One reason an issuer may not vouch for the certificate below it. */
interface IssuerProblem {
  readonly kind: 'not-a-ca' | 'no-keycertsign' | 'path-length-exceeded';
  readonly text: string;
}

/**
 * Why an issuer may not certify the certificate below it. A trust anchor is an input to path validation rather than
 * a certificate of the path (RFC 5280 §6.1.1 (d)), and old roots are often v1 certificates with no extensions at
 * all; so for the keyring certificate the chain ends at, only what it explicitly says against itself counts (cA
 * false, keyUsage without keyCertSign, a path length), not a missing extension.
 */
function issuerProblems({ certificate, anchor, intermediatesBelow }: PathIssuer): IssuerProblem[] {
  const problems: IssuerProblem[] = [];
  const constraints = certificate.basicConstraints;
  if (constraints ? !constraints.cA : !anchor)
    problems.push({
      kind: 'not-a-ca',
      text: constraints
        ? 'its basicConstraints say it is not a CA (cA is false)'
        : 'it has no basicConstraints extension, so nothing says it is a CA',
    });
  if (certificate.keyUsage && !certificate.keyUsage.includes('keyCertSign'))
    problems.push({
      kind: 'no-keycertsign',
      text: `its keyUsage (${certificate.keyUsage.join(', ') || 'empty'}) does not include keyCertSign`,
    });
  const limit = constraints?.cA ? constraints.pathLenConstraint : undefined;
  if (limit !== undefined && intermediatesBelow > limit)
    problems.push({
      kind: 'path-length-exceeded',
      text: `its pathLenConstraint allows ${limit} intermediate certificate${limit === 1 ? '' : 's'} below it, and the chain has ${intermediatesBelow}`,
    });
  return problems;
}

/** What the problems mean for the token, in plain words. */
function consequence(problems: readonly IssuerProblem[], anchored: boolean): string {
  if (!anchored)
    return 'The chain does not reach the keyring either (see x5c-untrusted), and this certificate could not have vouched for the one below it even if it did.';
  if (problems.every((problem) => problem.kind === 'path-length-exceeded')) {
    return 'The chain reaches a trust anchor only through more CA levels than this issuer allows: a CA the hierarchy never authorised issued a certificate on the way. Verifiers that skip this check accept it.';
  }
  return 'The chain reaches a trust anchor only through a certificate that may not issue certificates: the classic forged chain, in which the holder of an ordinary certificate signs one for a name of their choosing. Verifiers that skip these checks accept it.';
}

function issuerFinding(issuer: PathIssuer, walk: ChainWalk, context: CheckContext): Finding | undefined {
  const problems = issuerProblems(issuer);
  if (problems.length === 0) return undefined;
  const { certificate, x5cIndex, intermediatesBelow } = issuer;
  const who =
    x5cIndex === undefined
      ? `The x5c chain is vouched for by the keyring certificate "${certificate.subject}", but`
      : `In the x5c chain, ${certificateName(certificate, x5cIndex)} vouches for certificate ${x5cIndex}, but`;
  const detail = {
    ...certificateDetail(certificate, x5cIndex),
    cA: certificate.basicConstraints?.cA ?? null,
    pathLenConstraint: certificate.basicConstraints?.pathLenConstraint ?? null,
    keyUsage: certificate.keyUsage?.join(', ') ?? null,
    intermediatesBelow,
    anchored: walk.anchored,
    problems: problems.map((problem) => problem.kind).join(', '),
  };
  const message = `${who} ${problems.map((problem) => problem.text).join('; and ')}. ${consequence(problems, walk.anchored)}`;
  return findingOf(
    x5cPathConstraints,
    message,
    headerEvidence(context.decoded, 'x5c', { detail }),
    walk.anchored ? 'high' : 'medium',
  );
}

/** A leaf whose keyUsage is stated and does not allow signing data (tokens are signed with the leaf key). */
function leafFinding(leaf: CertificateInfo, context: CheckContext): Finding | undefined {
  if (!leaf.keyUsage || leaf.keyUsage.includes('digitalSignature')) return undefined;
  const usages = leaf.keyUsage.length > 0 ? `only ${leaf.keyUsage.join(', ')}` : 'nothing at all';
  const detail = { ...certificateDetail(leaf, 0), keyUsage: leaf.keyUsage.join(', '), problems: 'no-digitalsignature' };
  return findingOf(
    x5cPathConstraints,
    `The key that signed this token comes from the leaf of the x5c chain, ${certificateName(leaf, 0)}, whose keyUsage allows ${usages}, not digitalSignature. A verifier that checks key usage would refuse it; ask why a key certified for another purpose signs tokens.`,
    headerEvidence(context.decoded, 'x5c', { detail }),
    'medium',
  );
}

async function inspectPath(chain: readonly CertificateInfo[], context: CheckContext): Promise<Finding[]> {
  const walk = await x5cChainWalk(context.decoded, chain, context.keyring, context.verifier);
  const findings = pathIssuers(chain, walk).flatMap((issuer) => issuerFinding(issuer, walk, context) ?? []);
  const leaf = leafFinding(chain[0]!, context);
  return leaf ? [...findings, leaf] : findings;
}

/**
 * An x5c path that uses a certificate beyond what it allows: an issuer that is not a CA, lacks keyCertSign or
 * exceeds its pathLenConstraint, or a leaf whose keyUsage excludes digitalSignature.
 */
export const x5cPathConstraints: TokenCheck = {
  id: 'x5c-path-constraints',
  title: 'x5c certificate used beyond its constraints',
  severity: 'high',
  references: [
    'RFC 5280 §4.2.1.9',
    'RFC 5280 §4.2.1.3',
    'RFC 5280 §6.1.4 (k)–(n)',
    'RFC 7515 §4.1.6',
    'CVE-2002-0862',
    'CVE-2011-0228',
  ],
  run(context) {
    const chain = x5cChainOf(context.decoded);
    return chain.length === 0 ? [] : inspectPath(chain, context);
  },
};
