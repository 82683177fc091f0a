// What the case analysis stored, and the detector parameters the investigator saves, in one place: views call
// these, never `db` itself.
import type { ParameterChange } from '../../core/evidence';
import type { CaseAnalysisRecord, StoredFinding } from '../db/case-analysis-records';
import { db } from '../db/schema';
import { saveDetectorParameters, type DetectorParameterSettings } from './case-parameters';
import { caseFindings } from './timeline-analysis-store';

/** The last run's record of the case: what it judged, its counts, the parameters it used. */
export function storedAnalysis(caseId: string): Promise<CaseAnalysisRecord | undefined> {
  return db.caseAnalyses.get(caseId);
}

export function storedFindings(caseId: string): Promise<StoredFinding[]> {
  return caseFindings(db, caseId);
}

/** Saves the case's detector parameters (only those that differ from the defaults) and records the change. */
export function saveParameters(
  caseId: string,
  parameters: DetectorParameterSettings,
  investigator: string,
): Promise<ParameterChange[]> {
  return saveDetectorParameters(db, caseId, parameters, investigator);
}
