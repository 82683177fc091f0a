/**
 * The source of the crypto worker, as a string run with `new Worker(source, { eval: true })`: the CLI is bundled
 * into one file and tests run from TypeScript, so a separate worker file would not exist in one of them. The worker
 * does only raw crypto work: verify packed batches of signatures, and try packed batches of candidate secrets. It
 * uses node:crypto, except for HMAC-SHA256, which it computes in plain JS from per-key (verification) or per-target
 * (guessing) precomputed state: for inputs of a few blocks that costs less than createHmac's per-call setup.
 *
 * Messages in:
 *   { type: 'keys', keys: [{ index, kind: 'secret', secret } | { index, kind: 'public', jwk }] }
 *   { type: 'verify', id, algs: string[], meta: Int32Array (alg, key, dataStart, dataLength, sigStart, sigLength)*, buffer }
 *   { type: 'search', id, targets: [{ alg, input, signature }], words: Uint8Array, offsets: Int32Array (start, end)* }
 *   { type: 'searchFile', id, file, slice, start, end, targets, shared: Int32Array on a SharedArrayBuffer }
 * Messages out: { type: 'verified', id, results: Uint8Array }, { type: 'searched', id, matches: [[target, word]] }
 * and { type: 'searchedFile', id, newlines, complete, matches: [[target, newlinesBefore, secret]] }.
 *
 * searchFile reads one byte range of a wordlist itself (a small fixed buffer, no per-word allocation): a line belongs
 * to the range holding its first byte. `newlines` counts '
' in [start, end) so the pool can number lines.
 * shared[0] is a cancel flag, shared[1] the candidates tried, shared[2 + t] the lowest slice that found target t:
 * a slice stops as soon as every target is found in a slice at or before its own.
 */
export const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const keys = [];
const hs256Keys = [];
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
// HMAC-SHA256 guessing in plain JS: per target, the message schedule of every block after the key block is computed
// once; per candidate only the two key blocks and the outer digest block are expanded. No allocation per word.
const K256 = new Int32Array([0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2]);
const IV256 = new Int32Array([0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19]);
function expand256(w) {
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15], b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
}
function rounds256(s, w, wo) {
  let a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K256[i] + w[wo + i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  s[0] = (s[0] + a) | 0; s[1] = (s[1] + b) | 0; s[2] = (s[2] + c) | 0; s[3] = (s[3] + d) | 0;
  s[4] = (s[4] + e) | 0; s[5] = (s[5] + f) | 0; s[6] = (s[6] + g) | 0; s[7] = (s[7] + h) | 0;
}
function prepare256(input, signature) {
  const total = 64 + input.length;
  const padded = Math.ceil((total + 9) / 64) * 64 - 64;
  const bytes = new Uint8Array(padded);
  bytes.set(input);
  bytes[input.length] = 0x80;
  const view = new DataView(bytes.buffer);
  const bits = total * 8;
  view.setUint32(padded - 4, bits >>> 0);
  view.setUint32(padded - 8, Math.floor(bits / 4294967296));
  const blocks = padded / 64;
  const schedule = new Int32Array(blocks * 64);
  const w = new Int32Array(64);
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(b * 64 + i * 4);
    expand256(w);
    schedule.set(w, b * 64);
  }
  const sig = new Int32Array(8);
  const sigView = new DataView(signature.buffer, signature.byteOffset, signature.byteLength);
  if (signature.length === 32) for (let i = 0; i < 8; i++) sig[i] = sigView.getInt32(i * 4);
  return { fast: true, schedule, blocks, sig, possible: signature.length === 32 };
}
const st256 = new Int32Array(8), wInner = new Int32Array(64), wOuter = new Int32Array(64);
function tryWord256(t, bytes, start, end) {
  if (!t.possible) return false;
  if (end - start > 64) {
    const key = oneShot('sha256', bytes.subarray(start, end));
    return tryWord256(t, key, 0, key.length);
  }
  for (let i = 0; i < 16; i++) wInner[i] = 0;
  for (let i = start, j = 0; i < end; i++, j++) wInner[j >> 2] |= bytes[i] << (24 - 8 * (j & 3));
  for (let i = 0; i < 16; i++) { const k = wInner[i]; wInner[i] = k ^ 0x36363636; wOuter[i] = k ^ 0x5c5c5c5c; }
  expand256(wInner);
  st256.set(IV256);
  rounds256(st256, wInner, 0);
  const schedule = t.schedule;
  for (let b = 0; b < t.blocks; b++) rounds256(st256, schedule, b * 64);
  for (let i = 0; i < 8; i++) wInner[i] = st256[i];
  wInner[8] = 0x80000000;
  for (let i = 9; i < 15; i++) wInner[i] = 0;
  wInner[15] = 768; // (64 + 32) bytes in bits
  expand256(wInner);
  expand256(wOuter);
  st256.set(IV256);
  rounds256(st256, wOuter, 0);
  rounds256(st256, wInner, 0);
  const sig = t.sig;
  for (let i = 0; i < 8; i++) if (st256[i] !== sig[i]) return false;
  return true;
}
// HS256 verification under a known key: the states after the key's inner and outer pad blocks are computed once per
// key, so a token costs only its own blocks plus one outer block (createHmac's per-call setup costs more than that).
function hs256Key(secret) {
  const key = secret.length > 64 ? oneShot('sha256', secret) : secret;
  const w = new Int32Array(64);
  for (let i = 0; i < key.length; i++) w[i >> 2] |= key[i] << (24 - 8 * (i & 3));
  const pad = (mask) => {
    const block = new Int32Array(64);
    for (let i = 0; i < 16; i++) block[i] = w[i] ^ mask;
    expand256(block);
    const state = new Int32Array(IV256);
    rounds256(state, block, 0);
    return state;
  };
  return { inner: pad(0x36363636), outer: pad(0x5c5c5c5c) };
}
const wVerify = new Int32Array(64);
function hs256Matches(key, data, sig) {
  if (sig.length !== 32) return false;
  st256.set(key.inner);
  const length = data.length;
  const blocks = Math.ceil((length + 9) / 64);
  for (let b = 0; b < blocks; b++) {
    const base = b * 64;
    if (base + 64 <= length) {
      for (let i = 0; i < 16; i++) { const at = base + i * 4; wVerify[i] = (data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]; }
    } else {
      for (let i = 0; i < 16; i++) {
        let word = 0;
        for (let j = 0; j < 4; j++) { const at = base + i * 4 + j; word = (word << 8) | (at < length ? data[at] : at === length ? 0x80 : 0); }
        wVerify[i] = word;
      }
      if (b === blocks - 1) { const bits = (64 + length) * 8; wVerify[14] = Math.floor(bits / 4294967296) | 0; wVerify[15] = bits | 0; }
    }
    expand256(wVerify);
    rounds256(st256, wVerify, 0);
  }
  for (let i = 0; i < 8; i++) wVerify[i] = st256[i];
  wVerify[8] = 0x80000000 | 0;
  for (let i = 9; i < 15; i++) wVerify[i] = 0;
  wVerify[15] = 768; // (64 + 32) bytes in bits
  expand256(wVerify);
  st256.set(key.outer);
  rounds256(st256, wVerify, 0);
  let difference = 0;
  for (let i = 0; i < 8; i++) { const word = st256[i], at = i * 4; difference |= ((word >>> 24) ^ sig[at]) | (((word >>> 16) & 0xff) ^ sig[at + 1]) | (((word >>> 8) & 0xff) ^ sig[at + 2]) | ((word & 0xff) ^ sig[at + 3]); }
  return difference === 0;
}
const fs = require('node:fs');
const READ_BYTES = 1 << 16;
const MAX_WORD = 4096;
let readBuffer;
function searchFile(message) {
  const { file, slice, start, end, shared } = message;
  const targets = message.targets.map((target) => target.alg === 'HS256' ? prepare256(Buffer.from(target.input), Buffer.from(target.signature)) : prepare(target));
  const n = targets.length;
  const active = new Uint8Array(n).fill(1);
  const matches = [];
  readBuffer = readBuffer || Buffer.allocUnsafe(READ_BYTES);
  const buf = readBuffer;
  const fd = fs.openSync(file, 'r');
  let newlines = 0; // '\n' in [start, end) seen so far
  let complete = true;
  let tried = 0;
  let remaining = n;
  // Targets another worker found in an earlier slice need no more tries here.
  const settled = () => {
    for (let t = 0; t < n; t++) if (active[t] && Atomics.load(shared, 2 + t) < slice) { active[t] = 0; remaining--; }
    return remaining === 0;
  };
  try {
    let filled = 0; // bytes in buf
    let bufStart = start; // file position of buf[0]
    let eof = false;
    const fill = () => {
      if (eof) return;
      const got = fs.readSync(fd, buf, filled, READ_BYTES - filled, bufStart + filled);
      if (got === 0) eof = true;
      filled += got;
    };
    let at = 0; // position in buf of the next unread byte
    let skipping = false; // inside a line that started before this slice, or an over-long one
    if (start > 0) {
      const one = Buffer.alloc(1);
      fs.readSync(fd, one, 0, 1, start - 1);
      skipping = one[0] !== 10;
    }
    fill();
    if (settled()) return { newlines, complete: false, matches };
    for (;;) {
      if (at >= filled) {
        if (eof) break;
        bufStart += filled; filled = 0; at = 0;
        fill();
        if (filled === 0) break;
      }
      const lineStart = bufStart + at;
      if (!skipping && lineStart >= end) break;
      let newline = buf.indexOf(10, at);
      if (newline < 0 || newline >= filled) {
        // The line continues past the buffer: move it to the front and read more (or skip it when over-long).
        if (!eof && filled - at <= MAX_WORD && !skipping) {
          buf.copy(buf, 0, at, filled);
          bufStart += at; filled -= at; at = 0;
          fill();
          continue;
        }
        if (!eof) {
          // Over-long or skipped: count nothing (no '\n' here), drop the bytes and keep skipping.
          skipping = true;
          bufStart += filled; filled = 0; at = 0;
          fill();
          continue;
        }
        newline = filled; // last line without a newline
      }
      const lineEndFile = bufStart + newline;
      if (newline < filled && lineEndFile < end) newlines++;
      if (skipping) {
        skipping = false;
        at = newline + 1;
        continue;
      }
      if (lineEndFile - lineStart > MAX_WORD) { at = newline + 1; continue; }
      const wordEnd = newline > at && buf[newline - 1] === 13 ? newline - 1 : newline;
      const before = newlines - (newline < filled && lineEndFile < end ? 1 : 0);
      for (let t = 0; t < n; t++) {
        if (!active[t]) continue;
        const target = targets[t];
        const hit = target.fast ? tryWord256(target, buf, at, wordEnd) : tryWord(target, buf.subarray(at, wordEnd));
        if (hit) {
          matches.push([t, before, Uint8Array.from(buf.subarray(at, wordEnd))]);
          active[t] = 0;
          remaining--;
          for (;;) {
            const current = Atomics.load(shared, 2 + t);
            if (current <= slice || Atomics.compareExchange(shared, 2 + t, current, slice) === current) break;
          }
        }
      }
      at = newline + 1;
      if (remaining === 0) { complete = false; break; }
      if (++tried === 1024) {
        Atomics.add(shared, 1, tried);
        tried = 0;
        if (Atomics.load(shared, 0) !== 0 || settled()) { complete = false; break; }
      }
    }
  } finally {
    fs.closeSync(fd);
    Atomics.add(shared, 1, tried);
  }
  return { newlines, complete, matches };
}
parentPort.on('message', (message) => {
  if (message.type === 'keys') {
    for (const entry of message.keys) {
      try {
        keys[entry.index] = entry.kind === 'secret' ? Buffer.from(entry.secret) : crypto.createPublicKey({ key: entry.jwk, format: 'jwk' });
        hs256Keys[entry.index] = entry.kind === 'secret' ? hs256Key(keys[entry.index]) : null;
      } catch { keys[entry.index] = null; hs256Keys[entry.index] = null; }
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
      const alg = algs[meta[o]], hs256 = alg === 'HS256' ? hs256Keys[meta[o + 1]] : undefined;
      results[i] = (hs256 ? hs256Matches(hs256, data, sig) : verifyOne(alg, keys[meta[o + 1]], data, sig)) ? 1 : 0;
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
  } else if (message.type === 'searchFile') {
    let reply;
    try { reply = searchFile(message); } catch (error) { reply = { error: String(error && error.message || error) }; }
    parentPort.postMessage({ type: 'searchedFile', id: message.id, ...reply });
  }
});
`;
