// The sample case ships inside the app (see renderer/vite.config.ts), so a new investigator can
// see a verified bundle and its tokens with one click and no evidence of their own.
import sampleZip from '../samples/sample-case.zip?bytes';
import { createCaseFromBundle } from './commit-import';
import type { TokentrailDatabase } from '../db/schema';
import { pickedFileFromBytes } from '../host/blob-file';
import { verifySelection } from './verify-selection';

export const SAMPLE_NAME = 'sample-case.zip';

/** Verifies the shipped sample and stores it as a new case; returns the case id. */
export async function openSampleCase(database: TokentrailDatabase, investigator: string): Promise<string> {
  const selection = { kind: 'zip' as const, name: SAMPLE_NAME, files: [pickedFileFromBytes(sampleZip, SAMPLE_NAME)] };
  const outcome = await verifySelection(selection, { aborted: false }, () => {});
  if (outcome.kind !== 'verified') {
    const reason = outcome.kind === 'rejected' ? outcome.error.message : 'cancelled';
    throw new Error(`The shipped sample could not be opened: ${reason}`);
  }
  return createCaseFromBundle(database, investigator, outcome.report, outcome.tokens);
}
