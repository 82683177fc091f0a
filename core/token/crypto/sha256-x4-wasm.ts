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
 * Exports: `memory` (one page to start; the caller grows it), `rounds(state, schedule)` — the 64 rounds over an
 * expanded schedule, added into the state — and `expand(schedule)` — words 16..63 from words 0..15.
 */

const OP = {
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  simd: 0xfd,
} as const;
/** SIMD opcodes (the 0xfd prefix, then the opcode as unsigned LEB128). */
const SIMD = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
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

const get = (local: number): number[] => [OP.localGet, ...unsignedLeb(local)];
const set = (local: number): number[] => [OP.localSet, ...unsignedLeb(local)];
const i32 = (value: number): number[] => [OP.i32Const, ...signedLeb(value)];
const simd = (op: number): number[] => [OP.simd, ...unsignedLeb(op)];
const load = (offset: number): number[] => [...simd(SIMD.load), ALIGN_16, ...unsignedLeb(offset)];
const store = (offset: number): number[] => [...simd(SIMD.store), ALIGN_16, ...unsignedLeb(offset)];
const add = simd(SIMD.add);
const xor = simd(SIMD.xor);
/** A vector with `value` in every lane. */
function splat(value: number): number[] {
  const bytes: number[] = [];
  for (let lane = 0; lane < 4; lane++) for (let b = 0; b < 4; b++) bytes.push((value >>> (8 * b)) & 0xff);
  return [...simd(SIMD.const), ...bytes];
}
/** Rotate every lane of `local` right by `n`. */
const rotr = (local: number, n: number): number[] => [
  ...get(local),
  ...i32(n),
  ...simd(SIMD.shrU),
  ...get(local),
  ...i32(32 - n),
  ...simd(SIMD.shl),
  ...simd(SIMD.or),
];
/** rotr(x, p) ^ rotr(x, q) ^ (rotr or shr)(x, r): the four Σ and σ functions. */
function sigma(local: number, p: number, q: number, r: number, shiftOnly: boolean): number[] {
  const last = shiftOnly ? [...get(local), ...i32(r), ...simd(SIMD.shrU)] : rotr(local, r);
  return [...rotr(local, p), ...rotr(local, q), ...xor, ...last, ...xor];
}

/** rounds(state, schedule): parameters 0 and 1; locals 2..9 the working variables, 10 the round's T1. */
function roundsBody(): number[] {
  const state = 0;
  const schedule = 1;
  const t1 = 10;
  const v = [2, 3, 4, 5, 6, 7, 8, 9]; // the locals holding a..h in the current round
  const code: number[] = [];
  for (let k = 0; k < 8; k++) code.push(...get(state), ...load(16 * k), ...set(v[k]!));
  for (let i = 0; i < 64; i++) {
    const [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[i] + W[i]; Ch is a bit select of f and g by e.
    code.push(...get(h), ...sigma(e, 6, 11, 25, false), ...add);
    code.push(...get(f), ...get(g), ...get(e), ...simd(SIMD.bitselect), ...add);
    code.push(...splat(SHA256_K[i]!), ...add, ...get(schedule), ...load(16 * i), ...add, ...set(t1));
    // e' = d + T1, written over d; a' = T1 + Σ0(a) + Maj(a, b, c), written over h. Maj selects b where a and c
    // differ and a (= c) where they agree.
    code.push(...get(d), ...get(t1), ...add, ...set(d));
    code.push(...get(t1), ...sigma(a, 2, 13, 22, false), ...add);
    code.push(...get(b), ...get(a), ...get(a), ...get(c), ...xor, ...simd(SIMD.bitselect), ...add, ...set(h));
    v.splice(0, 8, h, a, b, c, d, e, f, g);
  }
  // 64 rounds rotate the names back to where they started: v[k] holds working variable k again.
  for (let k = 0; k < 8; k++) {
    code.push(...get(state), ...get(state), ...load(16 * k), ...get(v[k]!), ...add, ...store(16 * k));
  }
  return functionBody([[9, VALUE_TYPE.v128]], code);
}

/** expand(schedule): parameter 0; locals 1 and 2 hold W[i-15] and W[i-2]. */
function expandBody(): number[] {
  const schedule = 0;
  const x = 1;
  const y = 2;
  const code: number[] = [];
  for (let i = 16; i < 64; i++) {
    code.push(...get(schedule), ...load(16 * (i - 15)), ...set(x));
    code.push(...get(schedule), ...load(16 * (i - 2)), ...set(y));
    code.push(...get(schedule)); // the store's address
    code.push(...sigma(y, 17, 19, 10, true), ...get(schedule), ...load(16 * (i - 7)), ...add);
    code.push(...sigma(x, 7, 18, 3, true), ...add, ...get(schedule), ...load(16 * (i - 16)), ...add);
    code.push(...store(16 * i));
  }
  return functionBody([[2, VALUE_TYPE.v128]], code);
}

/** The module's bytes (about 30 KB). */
export function sha256x4ModuleBytes(): Uint8Array<ArrayBuffer> {
  const { i32: I32 } = VALUE_TYPE;
  const bytes = [
    ...MODULE_HEADER,
    ...section(SECTION.type, vector([functionType([I32, I32], []), functionType([I32], [])])),
    ...section(SECTION.function, vector([[0], [1]])),
    ...section(SECTION.memory, vector([[0x00, 1]])),
    ...section(
      SECTION.export,
      vector([
        [...name('memory'), EXPORT_KIND.memory, 0],
        [...name('rounds'), EXPORT_KIND.function, 0],
        [...name('expand'), EXPORT_KIND.function, 1],
      ]),
    ),
    ...section(SECTION.code, vector([roundsBody(), expandBody()])),
  ];
  return Uint8Array.from(bytes);
}
