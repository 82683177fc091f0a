import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { contentTypeFor } from '../../../electron/mime-types';
import { useTempDirs, writeTree } from './temp-dir';

const makeDir = useTempDirs();

async function servedApp() {
  const sandbox = await makeDir();
  const webRoot = `${sandbox}/web`;
  await writeTree(sandbox, {
    'web/index.html': '<!doctype html><title>Tokentrail</title>',
    'web/assets/index-abc.js': 'console.log("app")',
    'web/assets/style.css': 'body{}',
    'web/samples/case.zip': new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    'secret.txt': 'outside the web root',
  });
  return createAppProtocolHandler({ webRoot, readFile: (filePath) => readFile(filePath) });
}

describe('createAppProtocolHandler', () => {
  it('serves index.html for the root with the strict CSP and nosniff', async () => {
    const handle = await servedApp();
    const response = await handle(new Request('tokentrail://app/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Tokentrail</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets byte for byte with their content type and length', async () => {
    const handle = await servedApp();
    const script = await handle(new Request('tokentrail://app/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    const zip = await handle(new Request('tokentrail://app/samples/case.zip'));
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-length')).toBe('4');
    expect([...new Uint8Array(await zip.arrayBuffer())]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('answers HEAD with headers only', async () => {
    const handle = await servedApp();
    const response = await handle(new Request('tokentrail://app/assets/style.css', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('6');
    expect(await response.text()).toBe('');
  });

  it('refuses to serve a file outside the web root, still with the CSP', async () => {
    const handle = await servedApp();
    const response = await handle(new Request('tokentrail://app/..%2Fsecret.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the web root');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for missing files and directories, 405 for other methods', async () => {
    const handle = await servedApp();
    expect((await handle(new Request('tokentrail://app/missing.js'))).status).toBe(404);
    expect((await handle(new Request('tokentrail://app/assets'))).status).toBe(404);
    expect((await handle(new Request('tokentrail://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('lets unexpected read failures surface instead of masking them as 404', async () => {
    const handle = createAppProtocolHandler({
      webRoot: '/web',
      readFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    await expect(handle(new Request('tokentrail://app/index.html'))).rejects.toThrow('EACCES');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the documented policy, directive by directive', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('contentTypeFor', () => {
  it('matches extensions case-insensitively and never guesses unknown ones', () => {
    expect(contentTypeFor('assets/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('keys.pem')).toBe('application/x-pem-file');
    expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('LICENSE')).toBe('application/octet-stream');
  });
});
