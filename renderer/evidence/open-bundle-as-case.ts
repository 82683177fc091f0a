// A bundle opened on its own (the shipped sample, a file the operating system asked the app to open) becomes a new
// case named after its manifest: verified first, stored with its verdict in one transaction.
import { createCaseFromBundle } from './commit-import';
import type { TokentrailDatabase } from '../db/schema';
import type { PickedSelection } from '../host/host';
import { verifySelection } from './verify-selection';

/** Verifies `selection` and stores it as a new case; returns the case id, or throws saying why it was refused. */
export async function openBundleAsCase(
  database: TokentrailDatabase,
  investigator: string,
  selection: PickedSelection,
): Promise<string> {
  const outcome = await verifySelection(selection, { aborted: false }, () => {});
  if (outcome.kind !== 'verified') {
    const reason = outcome.kind === 'rejected' ? outcome.error.message : 'cancelled';
    throw new Error(`${selection.name} could not be opened: ${reason}`);
  }
  return createCaseFromBundle(database, investigator, outcome.report, outcome.tokens);
}
