// The sample case ships inside the app (see renderer/vite.config.ts), so a new investigator can
// see a verified bundle and its tokens with one click and no evidence of their own.
import sampleZip from '../samples/sample-case.zip?bytes';
import type { TokentrailDatabase } from '../db/schema';
import { pickedFileFromBytes } from '../host/blob-file';
import { openBundleAsCase } from './open-bundle-as-case';

export const SAMPLE_NAME = 'sample-case.zip';

/** Verifies the shipped sample and stores it as a new case; returns the case id. */
export function openSampleCase(database: TokentrailDatabase, investigator: string): Promise<string> {
  const selection = { kind: 'zip' as const, name: SAMPLE_NAME, files: [pickedFileFromBytes(sampleZip, SAMPLE_NAME)] };
  return openBundleAsCase(database, investigator, selection);
}
