import { createHash } from 'node:crypto';
import { SHA256_IV as IV, sha256Rounds, sha256Schedule, sha256StateBytes } from '../core/token';

/**
 * HMAC-SHA256 in plain TypeScript for the CLI's two bulk paths, both cheaper than a createHmac object per call (whose
 * setup dominates for inputs of a few blocks):
 * - verification under one known key (in this thread and in the crypto workers): the key's inner and outer pad
 *   blocks are compressed once, so a token costs only its own blocks and one outer block;
 * - guessing a token's secret from a wordlist (in the crypto workers): the token's message blocks are expanded into
 *   schedules once, so a candidate costs its two key blocks, the rounds of the message blocks and one outer block.
 * Both are checked against createHmac in the unit tests of the CLI.
 */

/** One 64-word message schedule, filled in place before each compression (its first 16 words are the block). */
const w = new Int32Array(64);
const outerKeyBlock = new Int32Array(64);
const state = new Int32Array(8);
const outerState = new Int32Array(8);

/** Compress the block in `w[0..16)` into `s`, expanding it in place (no copy into another schedule). */
function compressBlock(s: Int32Array): void {
  sha256Schedule(w, 0);
  sha256Rounds(s, w, 0);
}

/** The states after the key's inner and outer pad blocks. */
export interface Hmac256Key {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

/** Key bytes (hashed first when longer than a block, as HMAC requires) as 16 big-endian words in `w`. */
function loadKeyWords(bytes: Uint8Array, start: number, end: number): void {
  if (end - start > 64) {
    const digest = createHash('sha256').update(bytes.subarray(start, end)).digest();
    loadKeyWords(digest, 0, digest.length);
    return;
  }
  w.fill(0, 0, 16);
  for (let i = start, j = 0; i < end; i++, j++) w[j >> 2]! |= bytes[i]! << (24 - 8 * (j & 3));
}

/**
 * The HMAC key block of `bytes[start..end)` before the pads: 16 big-endian words, valid until the next call into this
 * module (it is this module's scratch schedule).
 */
export function hmacKeyWords(bytes: Uint8Array, start: number, end: number): Int32Array {
  loadKeyWords(bytes, start, end);
  return w;
}

/** Precompute a key for {@link hmac256Matches}. */
export function hmac256Key(secret: Uint8Array): Hmac256Key {
  loadKeyWords(secret, 0, secret.length);
  const key = w.slice(0, 16);
  const pad = (mask: number): Int32Array => {
    for (let i = 0; i < 16; i++) w[i] = key[i]! ^ mask;
    const padded = Int32Array.from(IV);
    compressBlock(padded);
    return padded;
  };
  return { inner: pad(0x36363636), outer: pad(0x5c5c5c5c) };
}

/** The outer hash over the inner digest in `state`, starting from `outer`, left in `state`. */
function finishOuter(outer: Int32Array): void {
  for (let i = 0; i < 8; i++) w[i] = state[i]!;
  w[8] = 0x80000000 | 0;
  w.fill(0, 9, 15);
  w[15] = (64 + 32) * 8; // the outer message (pad block and inner digest), in bits
  state.set(outer);
  compressBlock(state);
}

/** The number of blocks of the inner HMAC message after the key block: `length` bytes, 0x80, the 64-bit length. */
export function innerMessageBlocks(length: number): number {
  return Math.ceil((length + 9) / 64);
}

/**
 * Block `block` of the inner HMAC message after the key block (`data`, 0x80, zeros, the bit length of key block and
 * data in the last block) as 16 big-endian words in `w`.
 */
function innerBlockWords(data: Uint8Array, block: number): void {
  const length = data.length;
  const base = block * 64;
  for (let i = 0, from = base; i < 16; i++, from += 4) {
    // Whole words of message bytes (most of a token) without bounds tests; the padding byte by byte.
    if (from + 4 <= length) {
      w[i] = (data[from]! << 24) | (data[from + 1]! << 16) | (data[from + 2]! << 8) | data[from + 3]!;
      continue;
    }
    let word = 0;
    for (let j = from; j < from + 4; j++) word = (word << 8) | (j < length ? data[j]! : j === length ? 0x80 : 0);
    w[i] = word;
  }
  if (block === innerMessageBlocks(length) - 1) {
    const bits = (64 + length) * 8;
    w[14] = Math.floor(bits / 4294967296) | 0;
    w[15] = bits | 0;
  }
}

/** HMAC-SHA256(key, data) into `state` (big-endian words). */
function hmac256State(key: Hmac256Key, data: Uint8Array): void {
  state.set(key.inner);
  const blocks = innerMessageBlocks(data.length);
  for (let block = 0; block < blocks; block++) {
    innerBlockWords(data, block);
    compressBlock(state);
  }
  finishOuter(key.outer);
}

/** True when `signature` is HMAC-SHA256(key, data). */
export function hmac256Matches(key: Hmac256Key, data: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 32) return false;
  hmac256State(key, data);
  let difference = 0;
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    const at = i * 4;
    difference |=
      ((word >>> 24) ^ signature[at]!) |
      (((word >>> 16) & 0xff) ^ signature[at + 1]!) |
      (((word >>> 8) & 0xff) ^ signature[at + 2]!) |
      ((word & 0xff) ^ signature[at + 3]!);
  }
  return difference === 0;
}

/** HMAC-SHA256(key, data) as 32 bytes. */
export function hmac256Digest(key: Hmac256Key, data: Uint8Array): Uint8Array {
  hmac256State(key, data);
  return sha256StateBytes(state);
}

/** A token under attack: its message schedules after the key block, and its signature as words. */
export interface Hmac256Target {
  readonly schedules: Int32Array;
  readonly blocks: number;
  readonly signature: Int32Array;
  /** False when the signature cannot be an HMAC-SHA256 (not 32 bytes): no candidate is tried. */
  readonly possible: boolean;
}

/** Prepare a token's signing input and signature for {@link hmac256Guess}. */
export function hmac256Target(input: Uint8Array, signature: Uint8Array): Hmac256Target {
  const total = 64 + input.length; // the inner message: key block, then the input
  const padded = Math.ceil((total + 9) / 64) * 64 - 64;
  const bytes = new Uint8Array(padded);
  bytes.set(input);
  bytes[input.length] = 0x80;
  const view = new DataView(bytes.buffer);
  const bits = total * 8;
  view.setUint32(padded - 4, bits >>> 0);
  view.setUint32(padded - 8, Math.floor(bits / 4294967296));
  const blocks = padded / 64;
  const schedules = new Int32Array(blocks * 64);
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) schedules[block * 64 + i] = view.getInt32(block * 64 + i * 4);
    sha256Schedule(schedules, block * 64);
  }
  const words = new Int32Array(8);
  const possible = signature.length === 32;
  const signatureView = new DataView(signature.buffer, signature.byteOffset, signature.byteLength);
  if (possible) for (let i = 0; i < 8; i++) words[i] = signatureView.getInt32(i * 4);
  return { schedules, blocks, signature: words, possible };
}

/** True when `bytes[start..end)`, as the secret, gives the target's signature. Allocates nothing (short keys). */
export function hmac256Guess(target: Hmac256Target, bytes: Uint8Array, start: number, end: number): boolean {
  if (!target.possible) return false;
  loadKeyWords(bytes, start, end);
  for (let i = 0; i < 16; i++) {
    const word = w[i]!;
    w[i] = word ^ 0x36363636;
    outerKeyBlock[i] = word ^ 0x5c5c5c5c;
  }
  state.set(IV);
  compressBlock(state);
  for (let block = 0; block < target.blocks; block++) sha256Rounds(state, target.schedules, block * 64);
  sha256Schedule(outerKeyBlock, 0);
  outerState.set(IV);
  sha256Rounds(outerState, outerKeyBlock, 0);
  finishOuter(outerState);
  const signature = target.signature;
  for (let i = 0; i < 8; i++) if (state[i] !== signature[i]) return false;
  return true;
}
