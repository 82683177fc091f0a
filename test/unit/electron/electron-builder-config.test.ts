import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_GEO_DATABASES, SHIPPED_GEO_PACKAGE } from '../../../core/geo/shipped-databases';
import { SHIPPED_GEO_RESOURCE_FOLDER } from '../../../electron/shipped-geo-directory';
import { openedFileKind } from '../../../electron/handlers/opened-files';

// electron-builder's own schema validation and YAML parser, resolved from inside its package tree so the test
// checks the config exactly as `electron-builder --config build/electron-builder.yml` would read it.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fromBuilder = createRequire(path.join(repoRoot, 'node_modules', 'app-builder-lib', 'package.json'));
const { validateConfiguration } = fromBuilder('./out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  files: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  fileAssociations: Array<{ ext: string; mimeType: string; icon: string }>;
  electronFuses: Record<string, boolean>;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const config = yaml.load(readFileSync(path.join(repoRoot, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be rejected by the same validation if a fuse name were misspelt', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow('electronFuses');
  });

  it('packs only the bundles and package.json, for every desktop', () => {
    expect(config.files).toEqual(['dist/electron/**', 'dist/web/**', 'package.json', '!node_modules/**/*']);
    expect(config.linux.target).toEqual(['dir', 'AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has every icon it names, and associates exactly the extensions the shell opens', () => {
    const icons = [config.win.icon, config.mac.icon, ...config.fileAssociations.map((association) => association.icon)];
    for (const icon of icons) expect(existsSync(path.join(repoRoot, icon)), icon).toBe(true);
    // electron-builder makes the .ico and .icns from a PNG of at least 512 px; Linux takes a folder of NxN.png.
    expect(pngSize(path.join(repoRoot, config.mac.icon))).toEqual([512, 512]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(repoRoot, config.linux.icon, `${size}x${size}.png`))).toEqual([size, size]);
    }
    expect(config.fileAssociations.map((association) => association.ext)).toEqual(['ttcase', 'ttbundle']);
    expect(openedFileKind('x.ttcase')).toBe('case-archive');
    expect(openedFileKind('x.ttbundle')).toBe('bundle');
  });

  it('ships every geolocation database of core/geo/shipped-databases.ts, with its licence, where main looks for them', () => {
    const files = SHIPPED_GEO_DATABASES.map((database) => database.file);
    expect(config.extraResources).toEqual([
      {
        from: `node_modules/${SHIPPED_GEO_PACKAGE}`,
        to: SHIPPED_GEO_RESOURCE_FOLDER,
        filter: [...files, 'DBIP-LICENSE'],
      },
    ]);
    // Every file named exists in the installed package, so a renamed file fails here, not in a packaged app.
    for (const file of [...files, 'DBIP-LICENSE']) {
      expect(existsSync(path.join(repoRoot, 'node_modules', SHIPPED_GEO_PACKAGE, file)), file).toBe(true);
    }
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
