// The single file's geolocation data blocks, written by the build and read back by the browser host's decoder.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_GEO_ID, embeddedGeoDirectory, geoDataBlock } from '../../../build/embedded-geo.mjs';
import { decodeEmbeddedGeo, EMBEDDED_GEO_ID as RENDERER_ID } from '../../../renderer/geo/embedded-geo';

describe('embedded geolocation data blocks', () => {
  it('round-trips a file: gzip + base64 in the page, the same bytes after decoding', async () => {
    const bytes = new Uint8Array(randomBytes(50_000));
    const block = geoDataBlock('dbip-country-ipv4.mmdb', bytes);
    expect(block).toMatch(
      /^<script type="application\/octet-stream" id="tokentrail-geo:dbip-country-ipv4\.mmdb" data-size="50000">[A-Za-z0-9+/=]+<\/script>$/,
    );
    const base64 = /">([^<]+)</.exec(block)![1]!;
    const decoded = await decodeEmbeddedGeo({ fileName: 'dbip-country-ipv4.mmdb', size: bytes.length, base64 });
    expect(decoded).toEqual(bytes);
  });

  it('agrees with the renderer on the id prefix, and prefers the env variable', () => {
    expect(EMBEDDED_GEO_ID).toBe(RENDERER_ID);
    expect(embeddedGeoDirectory('/nowhere', { TOKENTRAIL_SINGLE_FILE_GEO_DIR: '/tmp/geo' })).toBe('/tmp/geo');
  });
});
