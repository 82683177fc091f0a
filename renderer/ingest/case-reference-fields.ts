// The case's own digest and jti field names (case-config `tokenHashFields`, `tokenIdFields`), for the parsers: they
// keep the common names already, and these too, so the case analysis can link the records to their tokens. The case
// configuration is read as the analysis reads it (the most recently imported one speaks for the case); its problems
// are the analysis's to report. A configuration imported after a log takes effect when the log is read again.
import { caseTokenReferenceFields } from '../../core/timeline';
import type { TokentrailDatabase } from '../db/schema';
import { loadCaseMaterial } from '../timeline-analysis/case-evidence';

export async function caseReferenceFields(database: TokentrailDatabase, caseId: string): Promise<readonly string[]> {
  const material = await loadCaseMaterial(database, caseId, ['case-config']);
  return caseTokenReferenceFields(material.caseConfig);
}
