import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
  linux: { target: string[] };
  electronFuses: Record<string, boolean>;
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

  it('packs only the bundles and package.json, for Linux dir and AppImage', () => {
    expect(config.files).toEqual(['dist/electron/**', 'dist/web/**', 'package.json', '!node_modules/**/*']);
    expect(config.linux.target).toEqual(['dir', 'AppImage']);
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
