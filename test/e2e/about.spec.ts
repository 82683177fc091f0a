// About names what is running: the version, the browser engine, every rule with its version, and the geolocation
// databases of this profile with their licence.
import { expect, test } from './fixtures';
import path from 'node:path';
import { SCREENSHOTS, signIn } from './app-actions';
import { TOOL_VERSION } from '../../core';
import { TIMELINE_DETECTORS, rulesetFingerprint } from '../../core/timeline';
import { TOKEN_CHECKS } from '../../core/token';

test('About shows the version, the engine, the rules with their versions and the geolocation databases', async ({
  app,
}) => {
  await signIn(app.page);
  const page = app.page;
  await page.getByTestId('about-button').click();
  const about = page.getByTestId('about-dialog');
  await expect(about.getByTestId('about-version')).toHaveText(`Tokentrail ${TOOL_VERSION}`);
  await expect(about.getByTestId('about-shell')).toContainText(/^Browser \(Chromium \d+\./);
  await expect(about.getByTestId('about-rules')).toContainText(
    `${TOKEN_CHECKS.length} token checks, ${TIMELINE_DETECTORS.length} timeline detectors`,
  );
  await expect(about.getByTestId('about-rules')).toContainText(rulesetFingerprint().slice(0, 16));
  await expect(about.getByTestId('about-rule-list').locator('li')).toHaveCount(
    TOKEN_CHECKS.length + TIMELINE_DETECTORS.length,
  );
  await expect(about.getByTestId('about-rule-list')).toContainText(`detector impossible-travel ${TOOL_VERSION}+`);
  // The browser build ships no database: About says so rather than naming one.
  await expect(about.getByTestId('about-geo')).toContainText('No database in this profile');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'about.png') });
  await about.getByTestId('about-close').click();
  await expect(about).toHaveCount(0);
});
