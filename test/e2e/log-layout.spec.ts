// An access log in a layout nothing detects is read once the investigator gives its nginx log_format, as the CLI's
// --log-format does: the layout is an option of the file's "Parse again".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, importEvidence, signIn } from './app-actions';

const LAYOUT = '$status|$remote_addr|$time_iso8601|$request';
const LINES = [
  '200|203.0.113.9|2026-11-18T09:02:11+00:00|GET /api/orders HTTP/1.1',
  '401|198.51.100.7|2026-11-18T09:02:12+00:00|GET /api/admin HTTP/1.1',
  '200|203.0.113.9|2026-11-18T09:02:13+00:00|POST /api/orders HTTP/1.1',
];

test('a custom access-log layout is read after the investigator gives it', async ({ app }) => {
  const page = app.page;
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-layout-'));
  const file = path.join(dir, 'edge-proxy.log');
  await writeFile(file, `${LINES.join('\n')}\n`);
  try {
    await signIn(page);
    await createCase(page, 'Custom layout');
    await importEvidence(page, 'files', [file], 'generated');
    await page.getByTestId('tab-timeline').click();
    const row = page.locator('[data-testid=ingest-row][data-path="edge-proxy.log"]');
    await expect(row).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });

    await row.getByTestId('ingest-format-select').selectOption('access-log');
    await row.getByTestId('ingest-log-layout').fill(LAYOUT);
    await row.getByTestId('ingest-reparse').click();
    const reparsed = page.locator(
      '[data-testid=ingest-row][data-path="edge-proxy.log"][data-format=access-log][data-status=complete]',
    );
    await expect(reparsed).toHaveCount(1, { timeout: 30_000 });
    await expect(reparsed.getByTestId('ingest-events')).toHaveText('3');
    await expect(reparsed.getByTestId('ingest-problems-toggle')).toHaveCount(0);
    await expect(page.getByTestId('timeline-row').filter({ hasText: '198.51.100.7' })).toHaveCount(1);
    // The layout is kept with the file's options: it is still there for the next parse.
    await expect(reparsed.getByTestId('ingest-log-layout')).toHaveValue(LAYOUT);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
