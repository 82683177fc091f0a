// The least work a whole-process JWT verifier in Node can do, as token-bench's floor for `tokentrail inspect`:
// node test/bench/helper-minimal-verifier.mjs TOKENS JWK ALG [threads]
// Reads the file, and for every compact token verifies the signature with plain node:crypto (key imported once),
// hashes the token, parses header and claims and prints one JSON line (tokenHash, header, claims, signature). No
// strict decoding, no checks, no findings: whatever `inspect` adds costs more than this. The lines are split between
// the main thread and threads-1 workers (default: one per core), each verifying its share, printed in input order.
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const HASH = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };

/** One verification function for the algorithm, the key imported once. */
function verifierOf(alg, jwk) {
  const hash = HASH[alg.slice(2)];
  if (alg.startsWith('HS')) {
    const secret = Buffer.from(jwk.k, 'base64url');
    return (data, signature) => {
      const mac = crypto.createHmac(hash, secret).update(data).digest();
      return mac.length === signature.length && crypto.timingSafeEqual(mac, signature);
    };
  }
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  if (alg === 'EdDSA') return (data, signature) => crypto.verify(null, data, key, signature);
  if (alg.startsWith('PS'))
    return (data, signature) =>
      crypto.verify(
        hash,
        data,
        { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST },
        signature,
      );
  if (alg.startsWith('ES'))
    return (data, signature) => crypto.verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  return (data, signature) => crypto.verify(hash, data, key, signature);
}

/** The printed lines of these tokens. */
function verifyLines(lines, alg, jwk) {
  const verify = verifierOf(alg, jwk);
  const out = [];
  for (const line of lines) {
    if (line === '') continue;
    const first = line.indexOf('.');
    const last = line.lastIndexOf('.');
    const valid = verify(Buffer.from(line.slice(0, last)), Buffer.from(line.slice(last + 1), 'base64url'));
    const header = JSON.parse(Buffer.from(line.slice(0, first), 'base64url').toString());
    const claims = JSON.parse(Buffer.from(line.slice(first + 1, last), 'base64url').toString());
    const tokenHash = crypto.createHash('sha256').update(line).digest('hex');
    out.push(
      JSON.stringify({
        tokenHash,
        header,
        claims,
        signature: { status: valid ? 'valid' : 'invalid', alg, kid: header.kid },
      }),
    );
  }
  return out.join('\n');
}

if (!isMainThread) {
  parentPort.postMessage(verifyLines(workerData.lines, workerData.alg, workerData.jwk));
} else {
  const [tokensFile, keyFile, alg, threadsArgument] = process.argv.slice(2);
  const lines = readFileSync(tokensFile, 'utf8').split('\n');
  const jwk = JSON.parse(readFileSync(keyFile, 'utf8'));
  const threads = Math.max(1, Number(threadsArgument ?? availableParallelism()));
  const share = Math.ceil(lines.length / threads);
  const others = Array.from(
    { length: threads - 1 },
    (_, i) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), {
          workerData: { lines: lines.slice((i + 1) * share, (i + 2) * share), alg, jwk },
        });
        worker.once('message', resolve).once('error', reject);
      }),
  );
  const mine = verifyLines(lines.slice(0, share), alg, jwk);
  const rest = await Promise.all(others);
  process.stdout.write(`${[mine, ...rest].filter((part) => part !== '').join('\n')}\n`);
}
