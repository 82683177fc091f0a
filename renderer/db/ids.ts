// Record ids. getRandomValues rather than randomUUID: the latter needs a secure context, and the
// single-file build may be opened from places a browser does not consider one.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A random 128-bit id as 32 hex characters. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += HEX[byte];
  return id;
}
