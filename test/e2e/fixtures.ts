// The end-to-end fixture: a loopback server for dist/web (once per worker), and per test a Chromium on a
// FRESH persistent profile directory, so IndexedDB is real and on disk. `app.restart()` closes the
// browser and relaunches it on the same profile: the strongest form of "reload".
// Every request any page makes is recorded; the test fails if one left the app's origin. A request the page's CSP
// blocks never reaches the network (so it is not a request), yet it is an attempt to leave: every CSP violation the
// page reports (`securitypolicyviolation`) is recorded too and fails the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';

export interface App {
  readonly page: Page;
  /** Every URL requested by any page of the context, across restarts. */
  readonly requests: readonly string[];
  /** Closes the browser and relaunches it on the same profile, back at the app's URL. */
  restart(): Promise<void>;
}

interface Fixtures {
  /** The URL the app is opened at: the loopback server by default, or a file:// URL. */
  appUrl: string;
  app: App;
}

interface WorkerFixtures {
  webServerUrl: string;
}

function startWebServer(): Promise<{ url: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['build/serve-web.mjs'], { env: { ...process.env, PORT: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve({ url: match[0], process: child });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve-web exited (${code}): ${output}`)));
  });
}

/**
 * Playwright intercepts file choosers only while the page has a 'filechooser' listener, and it switches the interception
 * on without waiting when the first listener is added (and off when the last goes). A key press sent right after
 * `waitForEvent('filechooser')` could reach Chromium first and open a real, headless chooser that never answers and
 * blocks every later one: "Enter on Load wordlist… never opened the file chooser" failed CI that way. This listener
 * keeps the interception on for the page's whole life; the choosers a test waits for still reach it.
 */
export function keepFileChooserInterception(page: Page): void {
  page.on('filechooser', () => undefined);
}

/** True when a request stays inside the app: its own origin (or, from file://, the app file itself). */
export function staysInApp(requestUrl: string, appUrl: string): boolean {
  const app = new URL(appUrl);
  if (requestUrl.startsWith('data:')) return true;
  // A blob: URL made by a file:// page carries its opaque origin ("blob:null/<uuid>"): it can only hold bytes the
  // page itself made (an inlined worker), never a request to anywhere else.
  if (requestUrl.startsWith('blob:null/')) return app.protocol === 'file:';
  const target = new URL(requestUrl.startsWith('blob:') ? requestUrl.slice('blob:'.length) : requestUrl);
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
  return target.origin === app.origin;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  webServerUrl: [
    async ({}, use) => {
      const server = await startWebServer();
      await use(server.url);
      server.process.kill();
    },
    { scope: 'worker' },
  ],

  appUrl: async ({ webServerUrl }, use) => use(webServerUrl),

  app: async ({ appUrl }, use, testInfo) => {
    const profileDir = await mkdtemp(path.join(tmpdir(), 'tokentrail-e2e-'));
    const requests: string[] = [];
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    const launchOptions = testInfo.project.use.launchOptions ?? {};
    let context: BrowserContext;
    let page: Page;

    const launch = async () => {
      context = await chromium.launchPersistentContext(profileDir, {
        ...launchOptions,
        headless: true,
        acceptDownloads: true,
        viewport: { width: 1400, height: 900 },
      });
      context.on('request', (request) => requests.push(request.url()));
      await context.exposeBinding('tokentrailReportCspViolation', (_source, violation: string) => {
        cspViolations.push(violation);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { tokentrailReportCspViolation: (violation: string) => void })
            .tokentrailReportCspViolation;
          report(
            `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => pageErrors.push(error.message));
      keepFileChooserInterception(page);
      await page.goto(appUrl);
    };
    await launch();

    await use({
      get page() {
        return page;
      },
      requests,
      async restart() {
        await context.close();
        await launch();
      },
    });

    await context!.close();
    await rm(profileDir, { recursive: true, force: true });
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    expect(cspViolations, 'content security policy violations (blocked attempts to load or run something)').toEqual([]);
    expect(requests.length, 'the app should have been requested at least once').toBeGreaterThan(0);
    expect(
      requests.filter((url) => !staysInApp(url, appUrl)),
      'requests that left the app',
    ).toEqual([]);
  },
});

export { expect };
