import {
  EXPORT_KIND,
  MODULE_HEADER,
  SECTION,
  VALUE_TYPE,
  functionBody,
  functionType,
  name,
  section,
  signedLeb,
  unsignedLeb,
  vector,
} from '../../util/wasm-encoding';
import { SHA256_K } from './sha256-compress';

/**
 * A WebAssembly module that runs four SHA-256 computations at once, one per 32-bit lane of a 128-bit SIMD value
 * (the "multi-buffer" layout): a wordlist search hashes many unrelated keys over the same message, so four
 * candidates share every instruction. Emitted from this code at start-up, the 64 rounds unrolled with the working
 * variables renamed rather than moved (FIPS 180-4 §6.2.2). Memory layout is the caller's: a state is 8 vectors
 * (word k of lane j at `state + 16k + 4j`), a schedule 64 vectors; words are little-endian i32 in memory, which is
 * what an Int32Array over the memory writes on every host the app runs on.
 *
 * Exports: `memory` (one page to start; the caller grows it), `rounds(from, to, schedule)` — the 64 rounds over an
 * expanded schedule starting from the state at `from`, the result (that state plus the working variables) stored at
 * `to`, which may be `from`: the callers chain blocks and place a digest where the next block needs it without a
 * copy — `expand(schedule)` — words 16..63 from words 0..15 — and `place(block, word)`: the 64 bytes of a padded
 * message block at `block` (big-endian words, as SHA-256 reads them) written as the 16 words of one lane from
 * `word` on, one vector apart (the lane's first word is at `schedule + 4 × lane`): four messages of unrelated
 * lengths load into their lanes with one memory copy each and no byte arithmetic in the caller.
 */

const OP = {
  localGet: 0x20,
  localSet: 0x21,
  i32Store: 0x36,
  i32Const: 0x41,
  simd: 0xfd,
} as const;
/** SIMD opcodes (the 0xfd prefix, then the opcode as unsigned LEB128). */
const SIMD = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
  swizzle: 0x0e,
  extractLane: 0x1b,
  and: 0x4e,
  or: 0x50,
  xor: 0x51,
  bitselect: 0x52,
  shl: 0xab,
  shrU: 0xad,
  add: 0xae,
} as const;
/** log2 of a v128's 16-byte alignment, as a memarg states it. */
const ALIGN_16 = 4;
/** log2 of an i32's 4-byte alignment. */
const ALIGN_4 = 2;

// Each emitter appends to the function's code in place: building the unrolled rounds from small arrays and spreads
// cost over 100 ms of garbage collection at start-up, more than the whole search of a short list.
type Code = number[];
/** An unsigned LEB128 number; the one-byte case (nearly every immediate here) without an array. */
function leb(code: Code, value: number): void {
  if (value < 0x80) code.push(value);
  else for (const byte of unsignedLeb(value)) code.push(byte);
}
const get = (code: Code, local: number): void => {
  code.push(OP.localGet);
  leb(code, local);
};
const set = (code: Code, local: number): void => {
  code.push(OP.localSet);
  leb(code, local);
};
const i32 = (code: Code, value: number): void => {
  code.push(OP.i32Const);
  if (value >= 0 && value < 0x40) code.push(value);
  else for (const byte of signedLeb(value)) code.push(byte);
};
const simd = (code: Code, op: number): void => {
  code.push(OP.simd);
  leb(code, op);
};
const memory = (code: Code, op: number, offset: number): void => {
  simd(code, op);
  code.push(ALIGN_16);
  leb(code, offset);
};
const load = (code: Code, offset: number): void => memory(code, SIMD.load, offset);
const store = (code: Code, offset: number): void => memory(code, SIMD.store, offset);
const add = (code: Code): void => simd(code, SIMD.add);
const xor = (code: Code): void => simd(code, SIMD.xor);
/** A vector with `value` in every lane. */
function splat(code: Code, value: number): void {
  simd(code, SIMD.const);
  for (let lane = 0; lane < 4; lane++) for (let b = 0; b < 4; b++) code.push((value >>> (8 * b)) & 0xff);
}
/** Every lane of `local` shifted right by `n` (zeros in). */
function shr(code: Code, local: number, n: number): void {
  get(code, local);
  i32(code, n);
  simd(code, SIMD.shrU);
}
/** Every lane of `local` rotated right by `n`. */
function rotr(code: Code, local: number, n: number): void {
  shr(code, local, n);
  get(code, local);
  i32(code, 32 - n);
  simd(code, SIMD.shl);
  simd(code, SIMD.or);
}
/** rotr(x, p) ^ rotr(x, q) ^ (rotr or shr)(x, r): the four Σ and σ functions. */
function sigma(code: Code, local: number, p: number, q: number, r: number, shiftOnly: boolean): void {
  rotr(code, local, p);
  rotr(code, local, q);
  xor(code);
  if (shiftOnly) shr(code, local, r);
  else rotr(code, local, r);
  xor(code);
}

/** rounds(from, to, schedule): parameters 0..2; locals 3..10 the working variables, 11 the round's T1. */
function roundsBody(): number[] {
  const from = 0;
  const to = 1;
  const schedule = 2;
  const t1 = 11;
  const v = [3, 4, 5, 6, 7, 8, 9, 10]; // the locals holding a..h in the current round
  const c: Code = [];
  for (let k = 0; k < 8; k++) {
    get(c, from);
    load(c, 16 * k);
    set(c, v[k]!);
  }
  for (let i = 0; i < 64; i++) {
    const [a, b, cc, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[i] + W[i]; Ch is a bit select of f and g by e.
    get(c, h);
    sigma(c, e, 6, 11, 25, false);
    add(c);
    get(c, f);
    get(c, g);
    get(c, e);
    simd(c, SIMD.bitselect);
    add(c);
    splat(c, SHA256_K[i]!);
    add(c);
    get(c, schedule);
    load(c, 16 * i);
    add(c);
    set(c, t1);
    // e' = d + T1, written over d; a' = T1 + Σ0(a) + Maj(a, b, c), written over h. Maj selects b where a and c
    // differ and a (= c) where they agree.
    get(c, d);
    get(c, t1);
    add(c);
    set(c, d);
    get(c, t1);
    sigma(c, a, 2, 13, 22, false);
    add(c);
    get(c, b);
    get(c, a);
    get(c, a);
    get(c, cc);
    xor(c);
    simd(c, SIMD.bitselect);
    add(c);
    set(c, h);
    v.splice(0, 8, h, a, b, cc, d, e, f, g);
  }
  // 64 rounds rotate the names back to where they started: v[k] holds working variable k again.
  for (let k = 0; k < 8; k++) {
    get(c, to);
    get(c, from);
    load(c, 16 * k);
    get(c, v[k]!);
    add(c);
    store(c, 16 * k);
  }
  return functionBody([[9, VALUE_TYPE.v128]], c);
}

/** expand(schedule): parameter 0; locals 1 and 2 hold W[i-15] and W[i-2]. */
function expandBody(): number[] {
  const schedule = 0;
  const x = 1;
  const y = 2;
  const c: Code = [];
  const word = (i: number): void => {
    get(c, schedule);
    load(c, 16 * i);
  };
  for (let i = 16; i < 64; i++) {
    word(i - 15);
    set(c, x);
    word(i - 2);
    set(c, y);
    get(c, schedule); // the store's address
    sigma(c, y, 17, 19, 10, true);
    word(i - 7);
    add(c);
    sigma(c, x, 7, 18, 3, true);
    add(c);
    word(i - 16);
    add(c);
    store(c, 16 * i);
  }
  return functionBody([[2, VALUE_TYPE.v128]], c);
}

/** The byte indexes that reverse each 32-bit word of a vector: big-endian words read little-endian, turned around. */
const WORD_BYTES_REVERSED = [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12];

/** place(block, word): parameters 0 and 1; local 2 holds four words of the block, each turned big-endian. */
function placeBody(): number[] {
  const block = 0;
  const word = 1;
  const four = 2;
  const c: Code = [];
  for (let q = 0; q < 4; q++) {
    get(c, block);
    load(c, 16 * q);
    simd(c, SIMD.const);
    c.push(...WORD_BYTES_REVERSED);
    simd(c, SIMD.swizzle);
    set(c, four);
    for (let k = 0; k < 4; k++) {
      get(c, word);
      get(c, four);
      simd(c, SIMD.extractLane);
      c.push(k);
      c.push(OP.i32Store, ALIGN_4);
      leb(c, 16 * (4 * q + k));
    }
  }
  return functionBody([[1, VALUE_TYPE.v128]], c);
}

/** The module's bytes (about 30 KB). */
export function sha256x4ModuleBytes(): Uint8Array<ArrayBuffer> {
  const { i32: I32 } = VALUE_TYPE;
  const bytes = MODULE_HEADER.concat(
    section(
      SECTION.type,
      vector([functionType([I32, I32, I32], []), functionType([I32], []), functionType([I32, I32], [])]),
    ),
    section(SECTION.function, vector([[0], [1], [2]])),
    section(SECTION.memory, vector([[0x00, 1]])),
    section(
      SECTION.export,
      vector([
        name('memory').concat(EXPORT_KIND.memory, 0),
        name('rounds').concat(EXPORT_KIND.function, 0),
        name('expand').concat(EXPORT_KIND.function, 1),
        name('place').concat(EXPORT_KIND.function, 2),
      ]),
    ),
    section(SECTION.code, vector([roundsBody(), expandBody(), placeBody()])),
  );
  return Uint8Array.from(bytes);
}
