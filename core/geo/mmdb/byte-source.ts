/**
 * Random access to the bytes of a database file. The renderer hands over a whole Uint8Array; the CLI reads pages
 * from disk on demand so a 70 MB database never has to sit in memory.
 */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

/** A ByteSource over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/**
 * A ByteSource that reads fixed-size pages through `readPage` and keeps the most recently used ones. The upper
 * levels of a lookup tree are touched by every lookup, so a small cache answers most reads without I/O.
 */
export function pagedSource(
  size: number,
  readPage: (offset: number, length: number) => Uint8Array,
  pageSize = 64 * 1024,
  maxPages = 256,
): ByteSource {
  const pages = new Map<number, Uint8Array>();
  const page = (index: number): Uint8Array => {
    let found = pages.get(index);
    if (found) {
      pages.delete(index);
      pages.set(index, found); // Map order is insertion order: re-inserting marks it most recently used
      return found;
    }
    const start = index * pageSize;
    found = readPage(start, Math.min(pageSize, size - start));
    pages.set(index, found);
    if (pages.size > maxPages) pages.delete(pages.keys().next().value as number);
    return found;
  };
  return {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + length);
      const first = Math.floor(offset / pageSize);
      if (Math.floor((end - 1) / pageSize) === first) {
        const start = offset - first * pageSize;
        return page(first).subarray(start, start + (end - offset));
      }
      const out = new Uint8Array(Math.max(0, end - offset));
      for (let at = offset; at < end;) {
        const index = Math.floor(at / pageSize);
        const inPage = at - index * pageSize;
        const take = Math.min(pageSize - inPage, end - at);
        out.set(page(index).subarray(inPage, inPage + take), at - offset);
        at += take;
      }
      return out;
    },
  };
}
