import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHA256_IV } from '../../../../core/token';
import { sha256x4ModuleBytes } from '../../../../core/token/crypto/sha256-x4-wasm';

interface Exports {
  memory: WebAssembly.Memory;
  rounds(from: number, to: number, schedule: number): void;
  expand(schedule: number): void;
  place(block: number, word: number): void;
}

/** SHA-256 of four messages at once through the module, padding done here (FIPS 180-4 §5.1.1). */
function digests(messages: readonly Buffer[], exports: Exports): string[] {
  const words = new Int32Array(exports.memory.buffer);
  const schedule = 256; // after two states of 8 vectors: blocks alternate between them, from one into the other
  const padded = messages.map((message) => {
    const length = Math.ceil((message.length + 9) / 64) * 64;
    const bytes = Buffer.alloc(length);
    message.copy(bytes);
    bytes[message.length] = 0x80;
    bytes.writeUInt32BE(message.length * 8, length - 4);
    return bytes;
  });
  const blocks = Math.max(...padded.map((bytes) => bytes.length / 64));
  for (let lane = 0; lane < 4; lane++) for (let k = 0; k < 8; k++) words[k * 4 + lane] = SHA256_IV[k]!;
  const states: Int32Array[] = [];
  for (let block = 0; block < blocks; block++) {
    for (let lane = 0; lane < 4; lane++) {
      const bytes = padded[lane]!;
      for (let i = 0; i < 16; i++)
        words[schedule / 4 + i * 4 + lane] = block * 64 < bytes.length ? bytes.readInt32BE(block * 64 + i * 4) : 0;
    }
    const [from, to] = block % 2 === 0 ? [0, 128] : [128, 0];
    exports.expand(schedule);
    exports.rounds(from, to, schedule);
    states.push(words.slice(to / 4, to / 4 + 32));
  }
  // A lane whose message ended earlier is read at its own last block.
  return padded.map((bytes, lane) => {
    const state = states[bytes.length / 64 - 1]!;
    const out = Buffer.alloc(32);
    for (let k = 0; k < 8; k++) out.writeInt32BE(state[k * 4 + lane]!, k * 4);
    return out.toString('hex');
  });
}

describe('the four-lane SIMD SHA-256 module', () => {
  const bytes = sha256x4ModuleBytes();

  it('is a valid module on this host', () => {
    expect(WebAssembly.validate(bytes)).toBe(true);
  });

  it('hashes four unrelated messages at once as node:crypto does, across the block edges', () => {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports;
    const lengths = [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 200, 1000];
    for (let n = 0; n < lengths.length; n += 1) {
      const messages = [0, 1, 2, 3].map((lane) => randomBytes(lengths[(n + lane * 5) % lengths.length]!));
      const expected = messages.map((message) => createHash('sha256').update(message).digest('hex'));
      expect(digests(messages, exports), messages.map((m) => m.length).join(',')).toEqual(expected);
    }
  });

  it('places a block’s bytes as one lane’s big-endian words, a vector apart, leaving the other lanes alone', () => {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports;
    const block = randomBytes(64);
    new Uint8Array(exports.memory.buffer).set(block, 4096);
    const words = new Int32Array(exports.memory.buffer);
    words.fill(-1, 0, 256);
    exports.place(4096, 8); // lane 2 of the schedule at 0
    for (let i = 0; i < 16; i++)
      for (let lane = 0; lane < 4; lane++)
        expect(words[i * 4 + lane], `word ${i} lane ${lane}`).toBe(lane === 2 ? block.readInt32BE(i * 4) : -1);
  });
});
