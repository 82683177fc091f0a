import { readFileSync } from 'node:fs';
import { collectSource, type ParseSourceOptions, type SequentialInput } from '../../../../core';
import { sha256Hex } from '../../../../core/evidence/sha256';

/** An in-memory SequentialInput that hands out `chunkSize`-byte chunks (small sizes exercise every boundary). */
export function memoryInput(path: string, content: string | Uint8Array, chunkSize = 64 * 1024): SequentialInput {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    path,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.slice(at, at + chunkSize);
    },
  };
}

/** Parse text or bytes completely. */
export async function parse(
  path: string,
  content: string | Uint8Array,
  options: ParseSourceOptions = {},
  chunkSize?: number,
) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return collectSource(memoryInput(path, bytes, chunkSize), sha256Hex(bytes), options);
}

/** Parse a file of test/fixtures/sources. */
export async function parseFixture(name: string, options: ParseSourceOptions = {}, chunkSize?: number) {
  return parse(name, new Uint8Array(readFileSync(`test/fixtures/sources/${name}`)), options, chunkSize);
}

/** Two well-formed compact tokens used across the fixtures. */
export const T1 =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSIsImp0aSI6ImF0LTEifQ.c2lnbmF0dXJlLW9uZQ';
export const T2 =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSIsImp0aSI6InJ0LTEifQ.c2lnbmF0dXJlLXR3bw';
