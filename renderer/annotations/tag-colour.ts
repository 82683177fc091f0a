// The colour a new tag gets: picked from a fixed palette by the tag's name, so the same name is the same colour in
// every case and on every machine (an archive imported elsewhere shows the tags as they were), with no state to keep.

/** Eight colours that stay readable as a badge background with dark text, and tell apart for most colour vision. */
export const TAG_PALETTE: readonly string[] = [
  '#fbd38d',
  '#9ae6b4',
  '#90cdf4',
  '#fbb6ce',
  '#d6bcfa',
  '#feb2b2',
  '#81e6d9',
  '#e2e8a0',
];

/** The palette colour of a tag name (FNV-1a of its UTF-16 code units, modulo the palette). */
export function tagColour(name: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return TAG_PALETTE[hash % TAG_PALETTE.length]!;
}
