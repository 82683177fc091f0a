import { unzipSync as fflateUnzipSync } from 'fflate';

/** Every entry of a zip, in order, through fflate (an independent reader), to rebuild altered archives in tests. */
export function unzipSync(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  return Object.entries(fflateUnzipSync(bytes)).map(([name, data]) => ({ name, data }));
}
