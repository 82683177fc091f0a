import { describe, expect, it } from 'vitest';
import { comparePackedFiles, readFuses, standInElectronBinary } from '../../../build/package-facts.mjs';

describe('package facts', () => {
  it("reads the stand-in's fuse wire as Electron's unflipped defaults", () => {
    expect(readFuses(standInElectronBinary())).toEqual({
      runAsNode: true,
      enableCookieEncryption: false,
      enableNodeOptionsEnvironmentVariable: true,
      enableNodeCliInspectArguments: true,
      enableEmbeddedAsarIntegrityValidation: false,
      onlyLoadAppFromAsar: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('sees a flipped fuse and refuses a binary without a fuse wire', () => {
    const binary = standInElectronBinary();
    const wireStart = binary.indexOf(Buffer.from([1, 8])) + 2;
    binary[wireStart] = '0'.charCodeAt(0);
    expect(readFuses(binary).runAsNode).toBe(false);
    expect(() => readFuses(Buffer.from('#!/bin/sh\n'))).toThrow('no Electron fuse wire');
  });

  it('names files missing from the archive and files it should not hold', () => {
    expect(
      comparePackedFiles(
        ['package.json', 'dist/web/index.html', 'src/secret.ts'],
        ['package.json', 'dist/web/index.html', 'dist/electron/main.cjs'],
      ),
    ).toEqual({ missing: ['dist/electron/main.cjs'], unexpected: ['src/secret.ts'] });
  });
});
