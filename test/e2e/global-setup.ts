// Builds dist/web and dist/tokentrail.html before the run, so the tests never drive a stale build.
// TOKENTRAIL_E2E_PREBUILT=1 skips it when the caller has just built (npm run test:e2e).
import { execFileSync } from 'node:child_process';

export default function globalSetup(): void {
  if (process.env.TOKENTRAIL_E2E_PREBUILT === '1') return;
  execFileSync(process.execPath, ['build/build.mjs', 'web'], { stdio: 'inherit' });
}
