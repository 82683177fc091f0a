import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { updateCrc32 } from '../../../../core/evidence/zip/crc32';

describe('CRC-32', () => {
  it('matches the standard check value and zlib, whole or in pieces of any length', () => {
    expect(updateCrc32(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    let state = 7;
    const bytes = new Uint8Array(100_003).map(() => ((state = (state * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    let crc = 0;
    for (let at = 0; at < bytes.length; at += 13) crc = updateCrc32(crc, bytes.subarray(at, at + 13));
    expect(crc).toBe(updateCrc32(0, bytes));
    if (typeof nodeCrc32 === 'function') expect(crc).toBe(nodeCrc32(bytes));
  });
});
