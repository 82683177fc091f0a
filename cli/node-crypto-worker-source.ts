/**
 * The source of the crypto worker, as a string run with `new Worker(source, { eval: true })`: the CLI is bundled
 * into one file and tests run from TypeScript, so a separate worker file would not exist in one of them. The worker
 * does only raw node:crypto work: verify packed batches of signatures, and try packed batches of candidate secrets.
 *
 * Messages in:
 *   { type: 'keys', keys: [{ index, kind: 'secret', secret } | { index, kind: 'public', jwk }] }
 *   { type: 'verify', id, algs: string[], meta: Int32Array (alg, key, dataStart, dataLength, sigStart, sigLength)*, buffer }
 *   { type: 'search', id, targets: [{ alg, input, signature }], words: Uint8Array, offsets: Int32Array (start, end)* }
 * Messages out: { type: 'verified', id, results: Uint8Array } and { type: 'searched', id, matches: [[target, word]] }
 */
export const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const keys = [];
const HASH = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const FIXED = { HS256: 32, HS384: 48, HS512: 64, ES256: 64, ES384: 96, ES512: 132, EdDSA: 64 };
function verifyOne(alg, key, data, sig) {
  if (key === undefined || key === null) return false;
  if (FIXED[alg] !== undefined && sig.length !== FIXED[alg]) return false;
  try {
    const family = alg === 'EdDSA' ? 'Ed' : alg.slice(0, 2);
    const hash = HASH[alg.slice(2)];
    if (family === 'HS') { const mac = crypto.createHmac(hash, key).update(data).digest(); return crypto.timingSafeEqual(mac, sig); }
    if (family === 'RS') return crypto.verify(hash, data, key, sig);
    if (family === 'PS') return crypto.verify(hash, data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST }, sig);
    if (family === 'ES') return crypto.verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, sig);
    return crypto.verify(null, data, key, sig);
  } catch { return false; }
}
// HMAC guessing: H(K^opad || H(K^ipad || m)) with two one-shot hashes and pads reused between candidates;
// faster than createHmac, whose per-call object setup dominates for short inputs.
const BLOCK = { sha256: 64, sha384: 128, sha512: 128 };
const LEN = { sha256: 32, sha384: 48, sha512: 64 };
const oneShot = typeof crypto.hash === 'function' ? (hash, data) => crypto.hash(hash, data, 'buffer') : (hash, data) => crypto.createHash(hash).update(data).digest();
function prepare(target) {
  const hash = HASH[target.alg.slice(2)];
  const block = BLOCK[hash];
  const input = Buffer.from(target.input);
  const inner = Buffer.alloc(block + input.length, 0x36); input.copy(inner, block);
  const outer = Buffer.alloc(block + LEN[hash], 0x5c);
  return { hash, block, inner, outer, sig: Buffer.from(target.signature), first: target.signature[0] };
}
function tryWord(t, word) {
  const key = word.length > t.block ? oneShot(t.hash, word) : word;
  const n = key.length, inner = t.inner, outer = t.outer;
  for (let i = 0; i < n; i++) { inner[i] = key[i] ^ 0x36; outer[i] = key[i] ^ 0x5c; }
  oneShot(t.hash, inner).copy(outer, t.block);
  const mac = oneShot(t.hash, outer);
  for (let i = 0; i < n; i++) { inner[i] = 0x36; outer[i] = 0x5c; }
  return mac[0] === t.first && mac.equals(t.sig);
}
parentPort.on('message', (message) => {
  if (message.type === 'keys') {
    for (const entry of message.keys) {
      try {
        keys[entry.index] = entry.kind === 'secret' ? Buffer.from(entry.secret) : crypto.createPublicKey({ key: entry.jwk, format: 'jwk' });
      } catch { keys[entry.index] = null; }
    }
  } else if (message.type === 'verify') {
    const { meta, buffer, algs } = message;
    const count = meta.length / 6;
    const results = new Uint8Array(count);
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    for (let i = 0; i < count; i++) {
      const o = i * 6;
      const data = bytes.subarray(meta[o + 2], meta[o + 2] + meta[o + 3]);
      const sig = bytes.subarray(meta[o + 4], meta[o + 4] + meta[o + 5]);
      results[i] = verifyOne(algs[meta[o]], keys[meta[o + 1]], data, sig) ? 1 : 0;
    }
    parentPort.postMessage({ type: 'verified', id: message.id, results }, [results.buffer]);
  } else if (message.type === 'search') {
    const targets = message.targets.map(prepare);
    const words = Buffer.from(message.words.buffer, message.words.byteOffset, message.words.byteLength);
    const offsets = message.offsets;
    const matches = [];
    for (let w = 0; w < offsets.length; w += 2) {
      const word = words.subarray(offsets[w], offsets[w + 1]);
      for (let t = 0; t < targets.length; t++) if (tryWord(targets[t], word)) matches.push([t, w / 2]);
    }
    parentPort.postMessage({ type: 'searched', id: message.id, matches });
  }
});
`;
