// Detector parameters saved on the case record: only the values that differ from the defaults, so a later engine
// version's better defaults reach every parameter the investigator never touched. Parameters change what the
// detectors report, so every change is a custody entry, written in the same transaction as the new settings:
// the record never holds settings the chain does not account for.
import { describeParameterChange, parameterChanges } from '../../core/evidence';
import type { ParameterChange } from '../../core/evidence';
import { appendCustody } from '../evidence/custody-log';
import type { TokentrailDatabase } from '../db/schema';

export type DetectorParameterSettings = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Where the custody log says parameter changes come from. */
export const PARAMETERS_SOURCE = 'detector parameters';

/** Saves the case's parameters and records what changed; returns the changes (none: nothing was written). */
export function saveDetectorParameters(
  database: TokentrailDatabase,
  caseId: string,
  parameters: DetectorParameterSettings,
  investigator: string,
): Promise<ParameterChange[]> {
  return database.transaction('rw', [database.cases, database.custody], async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new Error('This case no longer exists on this machine.');
    const changes = parameterChanges(record.detectorParameters ?? {}, parameters);
    if (changes.length === 0) return changes;
    const at = Date.now();
    await database.cases.update(caseId, { detectorParameters: parameters, updatedAt: at });
    await appendCustody(database, caseId, {
      at,
      investigator,
      action: 'parameters-changed',
      source: PARAMETERS_SOURCE,
      files: [],
      detail: changes.map(describeParameterChange).join('; '),
      parameterChanges: changes,
    });
    return changes;
  });
}
