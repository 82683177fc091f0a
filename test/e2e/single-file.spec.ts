// dist/tokentrail.html is the whole app in one file: opened from disk it must import the sample into
// IndexedDB and keep it across a restart, with no request beyond the file itself.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';
import { signIn } from './app-actions';

test.use({ appUrl: pathToFileURL(path.resolve('dist/tokentrail.html')).href });

test('the single-file build works from file:// with IndexedDB', async ({ app }) => {
  await signIn(app.page);
  await app.page.getByTestId('open-sample').click();
  await expect(app.page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
  await app.restart();
  await expect(app.page.getByTestId('case-row')).toHaveCount(1);
});
