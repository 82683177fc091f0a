import { pureHmac, type HmacProvider } from './hmac';
import { sha256 } from '@noble/hashes/sha2.js';
import { SHA256_IV as IV, sha256Compress as compress, sha256StateBytes } from './sha256-compress';

/**
 * HMAC-SHA-256 tuned for guessing secrets: the same message (a token's signing input) is MACed under millions of
 * candidate keys. The message's padded blocks are prepared once per message and every call reuses one scratch
 * schedule, so a guess costs only its compressions (key block, message blocks, two outer blocks) and one 32-byte
 * result. About five times the general-purpose implementation in V8. SHA-384/512 go to {@link pureHmac}.
 */

/** Big-endian words of `bytes` followed by SHA-256 padding for a message `prefixBytes + bytes.length` long. */
function paddedWords(bytes: Uint8Array, prefixBytes: number): Int32Array {
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const bits = (prefixBytes + bytes.length) * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(padded.length - 4, bits >>> 0);
  const words = new Int32Array(blocks * 16);
  for (let i = 0; i < words.length; i++) words[i] = view.getInt32(i * 4);
  return words;
}

// Messages MACed so far (one per token under attack); weakly held so finished searches free them.
const preparedMessages = new WeakMap<Uint8Array, Int32Array>();
const keyBlock = new Int32Array(16);
const inner = new Int32Array(8);
const outer = new Int32Array(8);
const outerBlock = new Int32Array(16);
outerBlock[8] = 0x80000000 | 0;
outerBlock[15] = (64 + 32) * 8;

/** Key bytes (hashed first when longer than a block) XOR `pad`, as 16 big-endian words. */
function fillKeyBlock(key: Uint8Array, pad: number): void {
  const bytes = key.length > 64 ? sha256(key) : key;
  keyBlock.fill(0);
  for (let i = 0; i < bytes.length; i++) keyBlock[i >> 2]! |= bytes[i]! << (24 - 8 * (i & 3));
  const padWord = pad * 0x01010101;
  for (let i = 0; i < 16; i++) keyBlock[i] = keyBlock[i]! ^ padWord;
}

function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  let message = preparedMessages.get(data);
  if (!message) {
    message = paddedWords(data, 64);
    preparedMessages.set(data, message);
  }
  fillKeyBlock(key, 0x36);
  inner.set(IV);
  compress(inner, keyBlock, 0);
  for (let offset = 0; offset < message.length; offset += 16) compress(inner, message, offset);
  fillKeyBlock(key, 0x5c);
  outer.set(IV);
  compress(outer, keyBlock, 0);
  outerBlock.set(inner);
  compress(outer, outerBlock, 0);
  return sha256StateBytes(outer);
}

/** An {@link HmacProvider} for secret guessing: fast HMAC-SHA-256, the pure implementation for the others. */
export const guessingHmac: HmacProvider = {
  hmac: (hash, key, data) => (hash === 'SHA-256' ? hmacSha256(key, data) : pureHmac.hmac(hash, key, data)),
};
