// The country-level geolocation database the single HTML file carries (build/embedded-geo.mjs writes it as inert,
// gzip-compressed data blocks at the end of the page). The browser host offers these files as its "shipped"
// databases, so the same installer that installs the desktop's city database installs them on first start. A page
// without the blocks (dist/web, served by the desktop app and the dev server) ships nothing.
import type { ShippedFile } from '../host/host';
import { pickedFileFromBytes } from '../host/blob-file';

/** The id prefix of every data block (build/embedded-geo.mjs EMBEDDED_GEO_ID); the file name follows it. */
export const EMBEDDED_GEO_ID = 'tokentrail-geo:';

/** One embedded file as the page holds it: gzip bytes in base64. */
export interface EmbeddedGeoBlock {
  readonly fileName: string;
  /** The uncompressed size (the block's data-size), known without decoding. */
  readonly size: number;
  readonly base64: string;
}

/** The data blocks in `root` (the document), in page order (IPv4 first). */
export function embeddedGeoBlocks(root: ParentNode): EmbeddedGeoBlock[] {
  const elements = root.querySelectorAll<HTMLScriptElement>(
    `script[type="application/octet-stream"][id^="${EMBEDDED_GEO_ID}"]`,
  );
  return [...elements].map((element) => ({
    fileName: element.id.slice(EMBEDDED_GEO_ID.length),
    size: Number(element.dataset.size),
    base64: (element.textContent ?? '').trim(),
  }));
}

/** The file's MMDB bytes: base64 decoded, then gunzipped by the browser's own DecompressionStream. */
export async function decodeEmbeddedGeo(block: EmbeddedGeoBlock): Promise<Uint8Array> {
  const compressed = Uint8Array.from(atob(block.base64), (character) => character.charCodeAt(0));
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * One embedded database as a file the shipped-database installer reads. It is decoded on its first read only: on
 * every start after the first the installer sees the profile has it and reads nothing.
 */
export function embeddedGeoFile(block: EmbeddedGeoBlock): ShippedFile {
  let decoded: Promise<ShippedFile> | undefined;
  const file = () => (decoded ??= decodeEmbeddedGeo(block).then((bytes) => pickedFileFromBytes(bytes, block.fileName)));
  return {
    path: block.fileName,
    name: block.fileName,
    size: block.size,
    read: async (offset, length) => (await file()).read(offset, length),
    async *chunks() {
      yield* (await file()).chunks();
    },
  };
}

/** The embedded databases (none when the page carries none). */
export async function embeddedGeoDatabases(root: ParentNode): Promise<ShippedFile[]> {
  return embeddedGeoBlocks(root).map(embeddedGeoFile);
}
