// The pure parts of build/release.mjs: the CLI package's manifest and the SHA256SUMS file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * package.json of the CLI package: only the `tokentrail` command, the geolocation database as a bundled dependency
 * (inside the tarball, so an offline install needs no registry), and Node 20 (the CLI does not need Electron's 22).
 */
export function cliPackageManifest(rootManifest, geoPackage) {
  return {
    name: 'tokentrail-cli',
    version: rootManifest.version,
    description: `${rootManifest.description} (command line)`,
    license: rootManifest.license,
    private: true,
    bin: { tokentrail: 'cli/bin/tokentrail.cjs' },
    engines: { node: '>=20' },
    dependencies: { [geoPackage]: rootManifest.dependencies[geoPackage] },
    bundleDependencies: [geoPackage],
    files: ['cli/bin/tokentrail.cjs', 'dist/cli/*.cjs', 'README.md'],
  };
}

/** `sha256sum` output for `files` in `directory`, sorted by name: `<hex>  <name>` per line. */
export function sha256SumsOf(directory, files) {
  return [...files]
    .sort()
    .map(
      (file) =>
        `${createHash('sha256')
          .update(readFileSync(path.join(directory, file)))
          .digest('hex')}  ${file}\n`,
    )
    .join('');
}
