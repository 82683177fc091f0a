// What the in-browser benchmarks share: bundle a page script with esbuild, serve it on a local port, and run one of
// its global functions in Chromium on a FRESH persistent (disk-backed) profile, removed afterwards. A fresh profile
// per measurement because Chromium keeps an origin's databases in one LevelDB: a second writer in a shared profile
// meets the first one's compaction work (see timeline/timeline-ingest.mjs). A benchmark whose sides need the same
// large store can seed it once (`seedProfile`) and run each side in a copy of that profile (`runInCopy`), made while
// Chromium is closed: every side starts from the very same files, without paying for the seeding again.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { servePageScript } from '../support/serve-page-script.mjs';

/**
 * Bundles `entry` and serves it; `run(name, ...args)` calls `globalThis[name](...args)` in a fresh profile. `switches`:
 * extra Chromium switches (a memory benchmark asks for precise heap figures and a page-callable gc).
 */
export async function startBrowserBench(entry, { switches = [] } = {}) {
  const served = await servePageScript(entry);

  /** Calls `globalThis[name](...args)` in Chromium on the profile in `profile`; removes it after unless `keep`. */
  async function runIn(profile, keep, name, args) {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: switches,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(0);
      // The same server, so the same origin (port included): a copied profile's databases are this page's own.
      await page.goto(served.url);
      return await page.evaluate(([fn, values]) => globalThis[fn](...values), [name, args]);
    } finally {
      await context.close();
      if (!keep) await rm(profile, { recursive: true, force: true });
    }
  }
  const newProfile = () => mkdtemp(path.join(tmpdir(), 'tokentrail-bench-'));

  /** Runs `name` in a fresh profile, removed afterwards. */
  const run = async (name, ...args) => runIn(await newProfile(), false, name, args);

  /** Runs `name` in a fresh profile and keeps it (Chromium closed) as a template: { template, result, discard }. */
  async function seedProfile(name, ...args) {
    const template = await newProfile();
    const result = await runIn(template, true, name, args).catch(async (error) => {
      await rm(template, { recursive: true, force: true });
      throw error;
    });
    return { template, result, discard: () => rm(template, { recursive: true, force: true }) };
  }

  /** Runs `name` in a copy of a template profile, removed afterwards (Chromium's lock files are not copied). */
  async function runInCopy(template, name, ...args) {
    const profile = await newProfile();
    await cp(template, profile, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !path.basename(source).startsWith('Singleton'),
    });
    return runIn(profile, false, name, args);
  }
  return { run, seedProfile, runInCopy, close: served.close };
}
