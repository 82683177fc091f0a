import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../electron/resolve-app-file';

const webRoot = path.resolve('/srv/tokentrail/dist/web');

describe('resolveAppFile', () => {
  it.each([
    ['tokentrail://app/', 'index.html'],
    ['tokentrail://app', 'index.html'],
    ['tokentrail://app/index.html', 'index.html'],
    ['tokentrail://app/assets/index-C3x.js?v=1#top', 'assets/index-C3x.js'],
    ['tokentrail://app/samples/case%20one/evidence.zip', 'samples/case one/evidence.zip'],
    ['tokentrail://app/docs/', 'docs/index.html'],
    // Dot segments are collapsed by the URL parser before resolution, so they stay inside the root.
    ['tokentrail://app/assets/../index.html', 'index.html'],
    ['tokentrail://app/../../../etc/passwd', 'etc/passwd'],
    ['tokentrail://app/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
  ])('maps %s into the web root', (url, relative) => {
    expect(resolveAppFile(webRoot, url)).toEqual({ ok: true, filePath: path.join(webRoot, ...relative.split('/')) });
  });

  it.each([
    'tokentrail://app/..%2F..%2Fetc%2Fpasswd',
    'tokentrail://app/assets/..%2f..%2f..%2fetc/passwd',
    'tokentrail://app/..%5C..%5Cwindows%5Cwin.ini',
    'tokentrail://app/assets/%2e%2e%2f%2e%2e%2fsecret',
    'tokentrail://app/assets//index.js',
    'tokentrail://app/index.html%00.png',
  ])('refuses the traversal attempt %s with 403', (url) => {
    const resolution = resolveAppFile(webRoot, url);
    expect(resolution.ok).toBe(false);
    if (!resolution.ok) expect(resolution.status).toBe(403);
  });

  it('refuses malformed percent-encoding with 400', () => {
    expect(resolveAppFile(webRoot, 'tokentrail://app/%E0%A4%A.js')).toMatchObject({ ok: false, status: 400 });
  });

  it.each(['tokentrail://other/index.html', 'https://app/index.html', 'tokentrail://app:81/index.html'])(
    'refuses the foreign URL %s with 404',
    (url) => expect(resolveAppFile(webRoot, url)).toMatchObject({ ok: false, status: 404 }),
  );
});
