// The `?bytes` import that ships the sample case inside the build must reproduce the file exactly.
import { describe, expect, it } from 'vitest';
import { bytesModuleSource } from '../../../renderer/vite.config';

function evaluate(source: string): Uint8Array {
  return new Function(source.replace('export default bytes;', 'return bytes;'))() as Uint8Array;
}

describe('bytesModuleSource', () => {
  it('decodes to the same bytes, including every byte value', () => {
    const original = Uint8Array.from({ length: 1024 }, (_, index) => (index * 7) % 256);
    const decoded = evaluate(bytesModuleSource(Buffer.from(original).toString('base64')));
    expect(decoded).toEqual(original);
  });

  it('handles an empty file', () => {
    expect(evaluate(bytesModuleSource(''))).toEqual(new Uint8Array());
  });
});
