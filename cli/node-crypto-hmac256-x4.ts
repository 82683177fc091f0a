import { createHash } from 'node:crypto';
import { SHA256_IV, sha256x4ModuleBytes } from '../core/token';
import { hmac256Target } from './node-crypto-hmac256';

/**
 * HMAC-SHA256 secret guessing four candidates at a time on the SIMD SHA-256 of core/token/crypto/sha256-x4-wasm.ts.
 * Per batch the candidates' inner and outer key blocks are compressed once, whatever the number of targets (a key
 * block depends on the candidate only); per target the token's message schedules, expanded once and copied into every
 * lane, are run from that inner state, then the outer block. About 2.5× the plain TypeScript guess of
 * node-crypto-hmac256.ts per candidate on this machine (docs/benchmarks.md, "Token engine").
 */

/** Four candidates share one batch: the lanes of a 128-bit vector. */
export const LANES = 4;

const VECTOR = 16;
const STATE = 8 * VECTOR;
const SCHEDULE = 64 * VECTOR;
/** Byte offsets in the module's memory. */
const AT = {
  iv: 0,
  innerKey: STATE,
  outerKey: 2 * STATE,
  inner: 3 * STATE,
  outer: 4 * STATE,
  innerKeyBlock: 5 * STATE,
  outerKeyBlock: 5 * STATE + SCHEDULE,
  final: 5 * STATE + 2 * SCHEDULE,
  messages: 5 * STATE + 3 * SCHEDULE,
} as const;
const PAGE = 65536;

interface Exports {
  readonly memory: WebAssembly.Memory;
  readonly rounds: (state: number, schedule: number) => void;
  readonly expand: (schedule: number) => void;
}

/** One compiled module per thread, or null where this host has no WebAssembly SIMD. */
let compiled: WebAssembly.Module | null | undefined;
function sha256x4Module(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const bytes = sha256x4ModuleBytes();
  compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  return compiled;
}

/** A token under attack, as the lanes need it. */
interface LaneTarget {
  /** Byte offset of its first message schedule in memory. */
  readonly messages: number;
  readonly blocks: number;
  readonly signature: Int32Array;
}

/** Candidates loaded into lanes, tried against several HS256 tokens at once. */
export interface Hmac256Lanes {
  /** Put the candidate `bytes[start..end)` into `lane` of the next batch. */
  load(lane: number, bytes: Uint8Array, start: number, end: number): void;
  /**
   * Try the first `count` lanes against target `t` (an index into the targets given): the bit mask of the lanes
   * whose candidate is its secret. Call {@link prepareKeys} once per batch first.
   */
  matches(t: number, count: number): number;
  /** Compress the loaded candidates' key blocks (once per batch, shared by every target). */
  prepareKeys(): void;
}

/**
 * Lanes for these targets (signing input and signature each), or undefined where WebAssembly SIMD is missing (the
 * caller then guesses one candidate at a time). A target whose signature is not 32 bytes never matches.
 */
export function hmac256Lanes(
  targets: readonly { readonly input: Uint8Array; readonly signature: Uint8Array }[],
): Hmac256Lanes | undefined {
  const module = sha256x4Module();
  if (!module) return undefined;
  const { memory, rounds, expand } = new WebAssembly.Instance(module).exports as unknown as Exports;
  const prepared = targets.map((target) => hmac256Target(target.input, target.signature));
  const blocks = prepared.reduce((sum, target) => sum + target.blocks, 0);
  const bytes = AT.messages + blocks * SCHEDULE;
  if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  const words = new Int32Array(memory.buffer); // taken after growing: growing detaches earlier views
  const splat = (at: number, source: ArrayLike<number>, from: number, count: number): void => {
    for (let i = 0; i < count; i++) words.fill(source[from + i]!, at / 4 + i * LANES, at / 4 + (i + 1) * LANES);
  };
  splat(AT.iv, SHA256_IV, 0, 8);
  // The outer message's last block after the inner digest: 0x80, zeros, its length in bits (pad block + digest).
  splat(AT.final + 8 * VECTOR, [0x80000000 | 0, 0, 0, 0, 0, 0, 0, (64 + 32) * 8], 0, 8);
  let next: number = AT.messages;
  const laneTargets: (LaneTarget | undefined)[] = prepared.map((target) => {
    if (!target.possible) return undefined;
    const messages = next;
    for (let block = 0; block < target.blocks; block++, next += SCHEDULE) splat(next, target.schedules, block * 64, 64);
    return { messages, blocks: target.blocks, signature: target.signature };
  });

  const copyState = (to: number, from: number): void => {
    words.copyWithin(to / 4, from / 4, from / 4 + STATE / 4);
  };
  const innerPad = AT.innerKeyBlock / 4;
  const outerPad = AT.outerKeyBlock / 4;
  return {
    load(lane, bytes, start, end) {
      let source = bytes;
      if (end - start > 64) {
        // HMAC hashes a key longer than the block first (RFC 2104 §2).
        source = createHash('sha256').update(bytes.subarray(start, end)).digest();
        start = 0;
        end = source.length;
      }
      for (let i = 0, at = start; i < 16; i++, at += 4) {
        let word = 0;
        if (at + 4 <= end)
          word = (source[at]! << 24) | (source[at + 1]! << 16) | (source[at + 2]! << 8) | source[at + 3]!;
        else if (at < end) for (let k = 0; k < 4; k++) word |= (at + k < end ? source[at + k]! : 0) << (24 - 8 * k);
        words[innerPad + i * LANES + lane] = word ^ 0x36363636;
        words[outerPad + i * LANES + lane] = word ^ 0x5c5c5c5c;
      }
    },
    prepareKeys() {
      expand(AT.innerKeyBlock);
      expand(AT.outerKeyBlock);
      copyState(AT.innerKey, AT.iv);
      rounds(AT.innerKey, AT.innerKeyBlock);
      copyState(AT.outerKey, AT.iv);
      rounds(AT.outerKey, AT.outerKeyBlock);
    },
    matches(t, count) {
      const target = laneTargets[t];
      if (!target) return 0;
      copyState(AT.inner, AT.innerKey);
      for (let block = 0; block < target.blocks; block++) rounds(AT.inner, target.messages + block * SCHEDULE);
      copyState(AT.final, AT.inner); // the inner digest: the first 8 words of the outer message's last block
      expand(AT.final);
      copyState(AT.outer, AT.outerKey);
      rounds(AT.outer, AT.final);
      const signature = target.signature;
      const outer = AT.outer / 4;
      let found = 0;
      for (let lane = 0; lane < count; lane++) {
        if (words[outer + lane] !== signature[0]) continue;
        let same = true;
        for (let k = 1; k < 8 && same; k++) same = words[outer + k * LANES + lane] === signature[k];
        if (same) found |= 1 << lane;
      }
      return found;
    },
  };
}
