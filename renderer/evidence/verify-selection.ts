// Runs the engine over what the investigator picked or dropped: manifest and hash verification, then
// token extraction. Nothing is stored here; the result is shown for review first.
import { CancelledError, EvidenceError } from '../../core/evidence';
import type { BundleInput, BundleReport, Progress } from '../../core/evidence';
import { verifyBundle } from '../../core/evidence';
import { extractTokens, type ExtractedToken } from '../../core/token';
import type { PickedSelection } from '../host/host';

export type VerifyOutcome =
  | { readonly kind: 'verified'; readonly report: BundleReport; readonly tokens: readonly ExtractedToken[] }
  | { readonly kind: 'rejected'; readonly error: EvidenceError }
  | { readonly kind: 'cancelled' };

/** A mutable flag the Cancel button flips; core polls it between reads. */
export interface CancelSignal {
  aborted: boolean;
}

/** How the engine should read a selection. */
export function bundleInputFor(selection: PickedSelection): BundleInput {
  const [first] = selection.files;
  if (selection.kind === 'zip' && first) return { type: 'zip', zip: first };
  if (selection.kind === 'folder') return { type: 'folder', name: selection.name, files: selection.files };
  return { type: 'loose-files', files: selection.files };
}

/** Verifies a selection; rejections and cancellation are outcomes, anything else is a bug and throws. */
export async function verifySelection(
  selection: PickedSelection,
  signal: CancelSignal,
  onProgress: (progress: Progress) => void,
): Promise<VerifyOutcome> {
  try {
    const report = await verifyBundle(bundleInputFor(selection), { signal, onProgress });
    if (signal.aborted) return { kind: 'cancelled' };
    return { kind: 'verified', report, tokens: extractTokens(report.contents) };
  } catch (error) {
    if (error instanceof CancelledError) return { kind: 'cancelled' };
    if (error instanceof EvidenceError) return { kind: 'rejected', error };
    throw error;
  }
}
