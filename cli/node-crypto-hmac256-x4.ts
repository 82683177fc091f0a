import { SHA256_IV, sha256x4ModuleBytes } from '../core/token';
import { hmac256Target, hmacKeyWords, innerMessageBlocks, type Hmac256Target } from './node-crypto-hmac256';

/**
 * HMAC-SHA256 under four keys at a time on the SIMD SHA-256 of core/token/crypto/sha256-x4-wasm.ts, two ways:
 * - wordlist guessing ({@link hmac256Lanes}): per batch of candidates the inner and outer key blocks are compressed
 *   once, whatever the number of targets (a key block depends on the candidate only); per target the token's message
 *   schedules, expanded once and copied into every lane, are run from that inner state, then the outer block;
 * - a fixed key list on many tokens ({@link hmac256KeySet}): the keys' pad states are compressed once for good;
 * - bulk verification under known keys ({@link hmac256LaneVerifier}): four tokens at a time under one key, each lane
 *   its own message.
 * About 2.5× the plain TypeScript guess of node-crypto-hmac256.ts per candidate on this machine (docs/benchmarks.md,
 * "Token engine").
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
  readonly rounds: (from: number, to: number, schedule: number) => void;
  readonly expand: (schedule: number) => void;
  readonly place: (block: number, word: number) => void;
}

/** One compiled module per thread, or null where this host has no WebAssembly SIMD. */
let compiled: WebAssembly.Module | null | undefined;
function sha256x4Module(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const bytes = sha256x4ModuleBytes();
  compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  return compiled;
}

/** One instance of the module, its memory growing on demand (a grown memory detaches the old view: ask again). */
interface Engine {
  readonly rounds: Exports['rounds'];
  readonly expand: Exports['expand'];
  readonly place: Exports['place'];
  words(): Int32Array;
  bytes(): Uint8Array;
  /** Make the memory at least `bytes` long. */
  reserve(bytes: number): void;
}

function engine(): Engine | undefined {
  const module = sha256x4Module();
  if (!module) return undefined;
  const { memory, rounds, expand, place } = new WebAssembly.Instance(module).exports as unknown as Exports;
  let words = new Int32Array(memory.buffer);
  let bytes = new Uint8Array(memory.buffer);
  const result: Engine = {
    rounds,
    expand,
    place,
    words: () => words,
    bytes: () => bytes,
    reserve(length) {
      if (length <= memory.buffer.byteLength) return;
      memory.grow(Math.ceil((length - memory.buffer.byteLength) / PAGE));
      words = new Int32Array(memory.buffer);
      bytes = new Uint8Array(memory.buffer);
    },
  };
  splat(words, AT.iv, SHA256_IV, 0, 8);
  // The outer message's last block after the inner digest: 0x80, zeros, its length in bits (pad block + digest).
  splat(words, AT.final + 8 * VECTOR, [0x80000000 | 0, 0, 0, 0, 0, 0, 0, (64 + 32) * 8], 0, 8);
  return result;
}

/** `count` words of `source` from `from`, each copied into the four lanes of a vector, from byte `at` on. */
function splat(words: Int32Array, at: number, source: ArrayLike<number>, from: number, count: number): void {
  for (let i = 0; i < count; i++) words.fill(source[from + i]!, at / 4 + i * LANES, at / 4 + (i + 1) * LANES);
}

/** The key `bytes[start..end)` XOR the inner and outer pads, into `lane` of the two key blocks. */
function loadKey(words: Int32Array, lane: number, bytes: Uint8Array, start: number, end: number): void {
  const key = hmacKeyWords(bytes, start, end);
  const innerPad = AT.innerKeyBlock / 4;
  const outerPad = AT.outerKeyBlock / 4;
  for (let i = 0; i < 16; i++) {
    words[innerPad + i * LANES + lane] = key[i]! ^ 0x36363636;
    words[outerPad + i * LANES + lane] = key[i]! ^ 0x5c5c5c5c;
  }
}

/** Compress the loaded key blocks into the states after the inner and outer pad blocks, at `inner` and `outer`. */
function compressKeys(e: Engine, inner: number, outer: number): void {
  e.expand(AT.innerKeyBlock);
  e.expand(AT.outerKeyBlock);
  e.rounds(AT.iv, inner, AT.innerKeyBlock);
  e.rounds(AT.iv, outer, AT.outerKeyBlock);
}

/** A message's schedules in memory and the signature to compare with. */
interface LaneMessage {
  /** Byte offset of its first message schedule in memory. */
  readonly messages: number;
  readonly blocks: number;
  readonly signature: Int32Array;
}

/** The bit mask of the first `count` lanes whose keys (their pad states at `innerKey`, `outerKey`) MAC `message`. */
function laneMatches(e: Engine, innerKey: number, outerKey: number, message: LaneMessage, count: number): number {
  // The inner hash, block after block; its last block leaves the digest where the outer message's last block starts.
  let state = innerKey;
  for (let block = 0; block < message.blocks; block++) {
    const to = block === message.blocks - 1 ? AT.final : AT.inner;
    e.rounds(state, to, message.messages + block * SCHEDULE);
    state = to;
  }
  e.expand(AT.final);
  e.rounds(outerKey, AT.outer, AT.final);
  const words = e.words();
  const signature = message.signature;
  const outer = AT.outer / 4;
  let found = 0;
  for (let lane = 0; lane < count; lane++) {
    if (words[outer + lane] !== signature[0]) continue;
    let same = true;
    for (let k = 1; k < 8 && same; k++) same = words[outer + k * LANES + lane] === signature[k];
    if (same) found |= 1 << lane;
  }
  return found;
}

/** Write a message's expanded schedules, one copy per lane, from byte `at` on (memory reserved by the caller). */
function placeMessage(words: Int32Array, at: number, target: Hmac256Target): LaneMessage {
  for (let block = 0; block < target.blocks; block++)
    splat(words, at + block * SCHEDULE, target.schedules, block * 64, 64);
  return { messages: at, blocks: target.blocks, signature: target.signature };
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
  const e = engine();
  if (!e) return undefined;
  const prepared = targets.map((target) => hmac256Target(target.input, target.signature));
  e.reserve(AT.messages + prepared.reduce((sum, target) => sum + target.blocks, 0) * SCHEDULE);
  let next: number = AT.messages;
  const messages = prepared.map((target) => {
    const placed = placeMessage(e.words(), next, target);
    next += target.blocks * SCHEDULE;
    return target.possible ? placed : undefined;
  });
  return {
    load: (lane, bytes, start, end) => loadKey(e.words(), lane, bytes, start, end),
    prepareKeys: () => compressKeys(e, AT.innerKey, AT.outerKey),
    matches(t, count) {
      const message = messages[t];
      return message ? laneMatches(e, AT.innerKey, AT.outerKey, message, count) : 0;
    },
  };
}

/** A fixed list of keys, their pad states compressed once, tried on one message after another. */
export interface Hmac256KeySet {
  /** The index of the first key under which `signature` is the HMAC-SHA256 of `data`, or -1. */
  firstMatch(data: Uint8Array, signature: Uint8Array): number;
}

/**
 * For a list of keys tried on many tokens (the built-in list of common secrets, on every HS256 token no keyring
 * secret verifies): a key then costs only the token's message blocks and the outer block, four keys at a time.
 * Undefined where WebAssembly SIMD is missing.
 */
export function hmac256KeySet(keys: readonly Uint8Array[]): Hmac256KeySet | undefined {
  const e = engine();
  if (!e) return undefined;
  const batches = Math.ceil(keys.length / LANES);
  const messagesAt = AT.messages + batches * 2 * STATE;
  e.reserve(messagesAt);
  const padStates = (batch: number): [number, number] => [
    AT.messages + batch * 2 * STATE,
    AT.messages + batch * 2 * STATE + STATE,
  ];
  for (let batch = 0; batch < batches; batch++) {
    for (let lane = 0; lane < LANES; lane++) {
      const key = keys[batch * LANES + lane] ?? new Uint8Array(0); // lanes past the list are never counted
      loadKey(e.words(), lane, key, 0, key.length);
    }
    compressKeys(e, ...padStates(batch));
  }
  return {
    firstMatch(data, signature) {
      if (signature.length !== 32) return -1;
      const target = hmac256Target(data, signature);
      e.reserve(messagesAt + target.blocks * SCHEDULE);
      const message = placeMessage(e.words(), messagesAt, target);
      for (let batch = 0; batch < batches; batch++) {
        const found = laneMatches(e, ...padStates(batch), message, Math.min(LANES, keys.length - batch * LANES));
        if (found !== 0) return batch * LANES + 31 - Math.clz32(found & -found);
      }
      return -1;
    },
  };
}

/** Four tokens at a time under one known key: the CLI's bulk HS256 (node-crypto-hmac256-batches.ts). */
export interface Hmac256LaneVerifier {
  /** Compress a secret's pad states once; the handle {@link matches} takes. */
  addKey(secret: Uint8Array): number;
  /** Whether a signing input of `length` bytes fits the lanes (a longer one is verified one at a time). */
  fits(length: number): boolean;
  /**
   * The bit mask of the lanes i < count ≤ {@link LANES} whose `signatures[i]` is HMAC-SHA256 of `data[i]` under key
   * `key`. Every signature must be 32 bytes and every data {@link fits}.
   */
  matches(key: number, data: readonly Uint8Array[], signatures: readonly Uint8Array[], count: number): number;
}

/** The longest signing input the lanes take, in blocks: 4 KiB, more than nearly every token. */
const LANE_MESSAGE_BLOCKS = 64;
/** Bytes of one lane's staging area: its longest padded message. */
const LANE_STAGE_BYTES = LANE_MESSAGE_BLOCKS * 64;

/**
 * Lanes for verifying HS256 tokens in bulk, or undefined where WebAssembly SIMD is missing. The four lanes run the
 * same key's pad states over four messages; a message shorter than the longest of its batch leaves its inner digest
 * in the outer block after its own last block, and its lane computes garbage from there (never read). A batch thus
 * costs the longest message's blocks, which is at most the sum of its messages' blocks: linear in the input.
 */
export function hmac256LaneVerifier(): Hmac256LaneVerifier | undefined {
  const e = engine();
  if (!e) return undefined;
  // Each lane's padded message is copied as bytes into a staging area of its own, then placed into the lane's words.
  const stagingAt = AT.messages + LANE_MESSAGE_BLOCKS * SCHEDULE;
  const keysAt = stagingAt + LANES * LANE_STAGE_BYTES;
  let keys = 0;
  const signature = new Int32Array(LANES * 8);
  const lastBlock = new Int32Array(LANES);
  return {
    addKey(secret) {
      const inner = keysAt + keys * 2 * STATE;
      e.reserve(inner + 2 * STATE);
      for (let lane = 0; lane < LANES; lane++) loadKey(e.words(), lane, secret, 0, secret.length);
      compressKeys(e, inner, inner + STATE);
      return keys++;
    },
    fits: (length) => innerMessageBlocks(length) <= LANE_MESSAGE_BLOCKS,
    matches(key, data, signatures, count) {
      const words = e.words();
      const memory = e.bytes();
      let most = 0;
      for (let lane = 0; lane < count; lane++) {
        const message = data[lane]!;
        const length = message.length;
        const blocks = innerMessageBlocks(length);
        lastBlock[lane] = blocks - 1;
        if (blocks > most) most = blocks;
        // The inner message after the key block: the data, 0x80, zeros, the bit length of key block and data.
        const stage = stagingAt + lane * LANE_STAGE_BYTES;
        const end = stage + blocks * 64;
        memory.set(message, stage);
        memory[stage + length] = 0x80;
        memory.fill(0, stage + length + 1, end - 4);
        const bits = (64 + length) * 8; // under 2^32: a message fits in 4 KiB
        memory[end - 4] = bits >>> 24;
        memory[end - 3] = (bits >>> 16) & 0xff;
        memory[end - 2] = (bits >>> 8) & 0xff;
        memory[end - 1] = bits & 0xff;
        for (let block = 0; block < blocks; block++)
          e.place(stage + block * 64, AT.messages + block * SCHEDULE + 4 * lane);
        const bytes = signatures[lane]!;
        for (let k = 0, at = 0; k < 8; k++, at += 4)
          signature[lane * 8 + k] =
            (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
      }
      const inner = keysAt + key * 2 * STATE;
      const final = AT.final / 4;
      const state = AT.inner / 4;
      for (let block = 0; block < most; block++) {
        const schedule = AT.messages + block * SCHEDULE;
        e.expand(schedule);
        e.rounds(block === 0 ? inner : AT.inner, AT.inner, schedule);
        // The inner digest of each lane whose message ended here: the first eight words of its outer block.
        for (let lane = 0; lane < count; lane++)
          if (lastBlock[lane] === block)
            for (let k = 0; k < 8; k++) words[final + k * LANES + lane] = words[state + k * LANES + lane]!;
      }
      e.expand(AT.final);
      e.rounds(inner + STATE, AT.outer, AT.final);
      const outer = AT.outer / 4;
      let found = 0;
      for (let lane = 0; lane < count; lane++) {
        let difference = 0;
        for (let k = 0; k < 8; k++) difference |= words[outer + k * LANES + lane]! ^ signature[lane * 8 + k]!;
        if (difference === 0) found |= 1 << lane;
      }
      return found;
    },
  };
}
