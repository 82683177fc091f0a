// report.html opened in real Chromium: it reads with no script, hostile values from the evidence stay text (no
// element, no script, no request, no CSP violation: the fixture fails the test on any), and it looks like a report.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, renderReportHtml } from '../../core/report';
import { HOSTILE, reportInput } from '../unit/core/report/report-fixture';
import { SCREENSHOTS } from './app-actions';
import { expect, test } from './fixtures';
import { makeSamplePackage } from './report-package';

const OUT = path.resolve('test-results/report-html');
const HOSTILE_HTML = path.join(OUT, 'hostile', 'report.html');
const SAMPLE_PACKAGE = path.join(OUT, 'sample');

test.beforeAll(async () => {
  await mkdir(path.dirname(HOSTILE_HTML), { recursive: true });
  await writeFile(HOSTILE_HTML, renderReportHtml(buildReport(reportInput(), { generatedAt: Date.UTC(2026, 11, 1) })));
  await makeSamplePackage(SAMPLE_PACKAGE);
});

test.describe('a report whose claims, records and notes hold markup', () => {
  test.use({ appUrl: pathToFileURL(HOSTILE_HTML).href });

  test('shows the markup as text: no image, no script, no dialog', async ({ app }) => {
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await expect(app.page.locator('h1')).toContainText('<img src=x onerror=alert(1)>');
    expect(await app.page.locator('img, script, iframe, object, embed').count()).toBe(0);
    // The hostile string appears whole, as text, in the claims, the record, the note, the title and the summary.
    const texts = await app.page.locator('pre, h1').allTextContents();
    expect(texts.filter((text) => text.includes(HOSTILE)).length).toBeGreaterThanOrEqual(4);
    expect(dialogs).toEqual([]);
  });
});

test.describe('the sample case report', () => {
  test.use({ appUrl: pathToFileURL(path.join(SAMPLE_PACKAGE, 'report.html')).href });

  test('reads as a report: contents, findings with their records, recommendations, method', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('h1')).toHaveText('Northwind — suspected theft of a mobile session token');
    await expect(page.locator('nav li')).toHaveCount(8);
    await expect(page.locator('#apis')).toContainText('ACCEPTS unsigned tokens');
    await expect(page.locator('#findings article.finding').first()).toContainText('alg "none"');
    await expect(page.locator('#recommendations')).toContainText('Reject unsecured tokens');
    await expect(page.locator('#method')).toContainText('impossible-travel');
    await expect(page.locator('#findings figure svg[aria-label="Findings by severity"] rect')).toHaveCount(5);
    // The tokens' lifecycle figure follows it, as inline SVG (this report was made without geolocation: no map).
    await expect(page.locator('#findings figure svg[aria-label^="Token lifecycles:"]')).toHaveCount(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-html.png') });
    await page.locator('#finding-5').scrollIntoViewIfNeeded();
    await page.locator('#finding-5').screenshot({ path: path.join(SCREENSHOTS, 'report-html-finding.png') });
  });
});
