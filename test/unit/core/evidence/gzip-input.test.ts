import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipInput, isGzip } from '../../../../core/evidence/gzip-input';
import type { SequentialInput } from '../../../../core/evidence/types';

/** An input that hands out its bytes in chunks of `size` (as a file read in slices would). */
const chunked = (bytes: Uint8Array, size: number): SequentialInput => ({
  path: 'logs/access.log.1.gz',
  size: bytes.length,
  async *chunks() {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  },
});

async function inflate(input: SequentialInput): Promise<{ bytes: Buffer; largest: number }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of gunzipInput(input).chunks()) parts.push(chunk);
  return { bytes: Buffer.concat(parts), largest: Math.max(0, ...parts.map((part) => part.length)) };
}

describe('gzip evidence', () => {
  const text = Buffer.from(
    Array.from(
      { length: 20_000 },
      (_, i) => `10.0.0.${i % 250} - - [18/Nov/2026:10:00:00 +0000] "GET /orders/${i} HTTP/1.1" 200 12\n`,
    ).join(''),
  );

  it('recognises a gzip member by its magic bytes only', () => {
    expect(isGzip(gzipSync(text))).toBe(true);
    expect(isGzip(text)).toBe(false);
    expect(isGzip(Uint8Array.of(0x1f, 0x8b))).toBe(false);
  });

  it('inflates as it streams, whatever the chunk boundaries', async () => {
    const gz = gzipSync(text);
    for (const size of [13, 4096, gz.length]) expect((await inflate(chunked(gz, size))).bytes.equals(text)).toBe(true);
  });

  it('names the file when it is truncated or corrupt', async () => {
    const gz = gzipSync(text);
    await expect(inflate(chunked(gz.subarray(0, gz.length - 40), 4096))).rejects.toThrow(
      /logs\/access\.log\.1\.gz is not readable gzip/,
    );
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xff, 20, 22);
    await expect(inflate(chunked(corrupt, 4096))).rejects.toThrow(/not readable gzip/);
  });

  it('streams a gzip bomb out in bounded pieces', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = gzipSync(zeros, { level: 9 }); // ~64 KiB that inflate to 64 MiB
    const { bytes, largest } = await inflate(chunked(bomb, 4 * 1024 * 1024));
    expect(bytes.length).toBe(zeros.length);
    expect(largest).toBeLessThanOrEqual(17 * 1024 * 1024);
  });
});
