// Facts about a packaged build, read from its files: which files app.asar holds compared with what the build
// produced, and the state of the Electron fuses in the binary. Used by build/package-check.mjs (offline packaging
// check) and its unit test; plain JavaScript so it runs without a TypeScript step.

/** The marker Electron puts before its fuse wire (@electron/fuses `SENTINEL`). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The fuses of wire version 1, in wire order, by the names electron-builder's `electronFuses` uses. */
export const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

/**
 * The fuse states in an Electron binary: after the sentinel come the wire version, the wire length, and one byte per
 * fuse ('0' off, '1' on, 'r' removed). Returns name → true/false, or throws when the binary carries no fuse wire.
 */
export function readFuses(binary) {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no Electron fuse wire in this binary');
  const wire = at + FUSE_SENTINEL.length;
  const version = binary[wire];
  if (version !== 1) throw new Error(`fuse wire version ${version}, expected 1`);
  const length = binary[wire + 1];
  const fuses = {};
  for (let index = 0; index < Math.min(length, FUSE_NAMES.length); index += 1) {
    const state = String.fromCharCode(binary[wire + 2 + index]);
    fuses[FUSE_NAMES[index]] = state === '1' ? true : state === '0' ? false : state;
  }
  return fuses;
}

/**
 * A stand-in for the Electron binary: a shell script that refuses to run, followed by a fuse wire in Electron's
 * unflipped defaults (run as node, NODE_OPTIONS and inspect on; asar integrity and asar-only off), so that packaging
 * can be checked — files packed, fuses flipped — where no Electron can be downloaded.
 */
export function standInElectronBinary() {
  const script =
    '#!/bin/sh\necho "stand-in Electron (packaging check only); install Electron to run the app" >&2\nexit 1\n';
  const defaults = '10110001';
  return Buffer.concat([
    Buffer.from(`${script}# ${FUSE_SENTINEL}`),
    Buffer.from([1, defaults.length]),
    Buffer.from(`${defaults}\n`),
  ]);
}

/** Compares the files packed in app.asar with those the build made; both as '/'-separated relative paths. */
export function comparePackedFiles(packed, expected) {
  const packedSet = new Set(packed);
  const expectedSet = new Set(expected);
  return {
    missing: expected.filter((file) => !packedSet.has(file)).sort(),
    unexpected: packed.filter((file) => !expectedSet.has(file)).sort(),
  };
}
