// A case too large for the case analysis's memory is refused before a single event is read, with the figures, rather
// than left to run out of heap (which in Chromium ends the whole window's process) — issue 19.
import path from 'node:path';
import { expect, test } from './fixtures';
import { SCREENSHOTS, signIn } from './app-actions';

test('the detectors refuse a case whose analysis would not fit in memory, saying why and what fits', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  // Chromium's heap limit cannot be lowered from outside the browser; the page's one reading of it
  // (performance.memory, which the worker cannot read and receives with its job) is made to report 1,000 bytes, so
  // every case of more than two events is too large. The check, its message and the worker path are the real ones.
  await page.addInitScript(() =>
    Object.defineProperty(performance, 'memory', {
      configurable: true,
      get: () => ({ jsHeapSizeLimit: 1_000, totalJSHeapSize: 0, usedJSHeapSize: 0 }),
    }),
  );
  await page.reload();
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  const status = page.getByTestId('case-analysis-status');
  await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(status).toContainText(
    /The detectors failed: this case has [\d,]+ events; the case analysis keeps about 330 bytes per event in memory \([\d.]+ (?:B|KiB|MiB) for this case\), more than the 850 B it may use of this window's 1000 B heap, so it was not started/,
  );
  await expect(status).toContainText('Nothing was changed. A case of at most 2 events can be analysed here');
  await expect(page.getByTestId('finding-row')).toHaveCount(0);
  await status.screenshot({ path: path.join(SCREENSHOTS, 'analysis-too-large.png') });
});
