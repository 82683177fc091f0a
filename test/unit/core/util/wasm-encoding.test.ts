import { describe, expect, it } from 'vitest';
import { signedLeb, unsignedLeb } from '../../../../core/util/wasm-encoding';

describe('WebAssembly binary encoding', () => {
  it('writes unsigned LEB128 as the specification does', () => {
    expect(unsignedLeb(0)).toEqual([0x00]);
    expect(unsignedLeb(127)).toEqual([0x7f]);
    expect(unsignedLeb(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb(0xab)).toEqual([0xab, 0x01]); // i32x4.shl's opcode after the SIMD prefix
    expect(unsignedLeb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it('writes signed LEB128 of 32-bit integers, the sign bit of the last byte telling the sign', () => {
    expect(signedLeb(0)).toEqual([0x00]);
    expect(signedLeb(63)).toEqual([0x3f]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-1)).toEqual([0x7f]);
    expect(signedLeb(-64)).toEqual([0x40]);
    expect(signedLeb(-65)).toEqual([0xbf, 0x7f]);
    expect(signedLeb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb(0x80000000 | 0)).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });
});
